using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rubrics;

/// <summary>Posts the upload form the way a browser does: multipart, with the antiforgery token from the page.</summary>
public static class UploadPosts
{
    public const string PagePath = "/rubrics/upload";

    /// <summary>The shipped rubric under another id: a valid custom rubric.</summary>
    public static string ValidRubric(string id = "team-rubric", int version = 1, string? title = null)
    {
        var rubric = JsonNode.Parse(File.ReadAllText(Path.Combine(RubricLibraryCopy.RepositoryRubrics, "ml-system-design.json")))!.AsObject();
        rubric["id"] = id;
        rubric["version"] = version;
        rubric["title"] = title ?? $"Team rubric {id}";
        return rubric.ToJsonString();
    }

    public static async Task<HttpResponseMessage> PasteAsync(HttpClient client, string json) =>
        await PostAsync(client, await TokenAsync(client), json: json);

    public static async Task<HttpResponseMessage> UploadFileAsync(HttpClient client, byte[] file, string fileName = "rubric.json") =>
        await PostAsync(client, await TokenAsync(client), file: (file, fileName));

    public static Task<string> TokenAsync(HttpClient client) => FormPosts.AntiforgeryTokenAsync(client, PagePath);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string? json = null, (byte[] Bytes, string Name)? file = null)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }
        content.Add(new StringContent(json ?? "", Encoding.UTF8), "json");
        if (file is { } chosen)
        {
            var fileContent = new ByteArrayContent(chosen.Bytes);
            fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(fileContent, "file", chosen.Name);
        }
        return client.PostAsync(PagePath, content);
    }
}

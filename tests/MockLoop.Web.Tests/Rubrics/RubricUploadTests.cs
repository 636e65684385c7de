using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rubrics;

public sealed class RubricUploadTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_valid_pasted_rubric_is_stored_for_its_owner_and_offered_as_their_choice()
    {
        var owner = await FormPosts.NewUserAsync(app, "Olga Owner");

        var response = await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("team-rubric", title: "Team rubric"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/rubrics/team-rubric/v/1?upload=stored", FormPosts.RedirectPath(response));
        var ownerId = await UserIdAsync("Olga Owner");
        var stored = Assert.Single(await CustomRowsAsync());
        Assert.Equal(("team-rubric", 1, (Guid?)ownerId, "Team rubric"), (stored.RubricId, stored.Version, stored.OwnerId, stored.Title));

        var choices = await Catalog.ChoicesForAsync(ownerId);
        Assert.Contains(new RubricChoice("team-rubric", 1, "Team rubric", IsCustom: true), choices);
        Assert.Contains(choices, c => c is { Id: "ml-system-design", IsCustom: false });
        Assert.Equal("Team rubric", (await Catalog.FindAsync("team-rubric", 1, ownerId))?.Title);

        var page = await owner.GetStringAsync("/rubrics/team-rubric/v/1?upload=stored");
        Assert.Contains("Uploaded.", page);
        Assert.Contains("Your rubric", page);
        var library = await owner.GetStringAsync("/rubrics");
        Assert.Contains("href=\"/rubrics/team-rubric/v/1\"", library);
    }

    [Fact]
    public async Task A_valid_rubric_file_is_stored_exactly_as_uploaded()
    {
        var owner = await FormPosts.NewUserAsync(app, "Fay File");
        var text = UploadPosts.ValidRubric("file-rubric");

        var response = await UploadPosts.UploadFileAsync(owner, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "file-rubric.json");

        Assert.Equal("/rubrics/file-rubric/v/1?upload=stored", FormPosts.RedirectPath(response));
        var stored = Assert.Single(await CustomRowsAsync());
        Assert.Equal(text, stored.Json);
        Assert.Equal(ContentHash.OfJson(text), stored.ContentHash);
        Assert.Equal(text, await owner.GetStringAsync("/rubrics/file-rubric/v/1/json"));
    }

    [Fact]
    public async Task An_invalid_rubric_lists_every_problem_with_its_path_and_stores_nothing()
    {
        var owner = await FormPosts.NewUserAsync(app, "Ivan Invalid");
        var json = UploadPosts.ValidRubric()
            .Replace("\"id\":\"team-rubric\"", "\"id\":\"Team Rubric\"")
            .Replace("\"budgetMinutes\":5", "\"budgetMinutes\":0")
            .Replace("\"minOverall\":3,\"minStep\":3", "\"minOverall\":2,\"minStep\":3");
        var expected = RubricParser.Parse("pasted JSON", json).Problems;
        Assert.True(expected.Count >= 3, string.Join("\n", expected));

        var response = await UploadPosts.PasteAsync(owner, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{expected.Count} problems in pasted JSON.", html);
        Assert.Contains("Nothing was stored.", html);
        foreach (var problem in expected)
        {
            Assert.Contains($"<code class=\"json-path\">{problem.Path}</code><span>{problem.Reason}</span>", html);
        }
        Assert.Contains("$.id", html);
        Assert.Contains("$.levelBars.staff.minOverall", html);
        // The text comes back in the form to be fixed.
        Assert.Contains("Team Rubric", html);
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_with_where_it_breaks()
    {
        var owner = await FormPosts.NewUserAsync(app, "Nora NotJson");

        var response = await UploadPosts.PasteAsync(owner, "{ \"id\": \"x\", ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("1 problem in pasted JSON.", await response.Content.ReadAsStringAsync());
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task A_file_over_256_KB_is_refused_with_the_limit_and_nothing_is_stored()
    {
        var owner = await FormPosts.NewUserAsync(app, "Otto Oversize");
        // Just over the limit: small enough to pass the request check, so the file's own size is what refuses it.
        var justOver = PaddedRubric(CustomRubricUploads.MaxBytes + 1);

        var response = await UploadPosts.UploadFileAsync(owner, justOver);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("That rubric is too large (this one is 257 KB): the limit is 256 KB.", html);
        Assert.Contains("Upload a rubric", html);
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_refused_by_its_declared_size_with_a_friendly_page()
    {
        var owner = await FormPosts.NewUserAsync(app, "Hugo Huge");

        var response = await UploadPosts.UploadFileAsync(owner, PaddedRubric(2 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("the limit is 256 KB", html);
        Assert.Contains("<nav class=\"topnav", html);
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task Pasted_text_over_256_KB_is_refused_with_the_limit()
    {
        var owner = await FormPosts.NewUserAsync(app, "Paula Paste");
        var text = Encoding.UTF8.GetString(PaddedRubric(CustomRubricUploads.MaxBytes + 10));

        var response = await UploadPosts.PasteAsync(owner, text);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 256 KB", await response.Content.ReadAsStringAsync());
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task A_rubric_of_exactly_256_KB_is_accepted()
    {
        var owner = await FormPosts.NewUserAsync(app, "Edgar Edge");

        var response = await UploadPosts.UploadFileAsync(owner, PaddedRubric(CustomRubricUploads.MaxBytes));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await CustomRowsAsync());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var owner = await FormPosts.NewUserAsync(app, "Mallory Forged");

        var response = await UploadPosts.PostAsync(owner, token: null, json: UploadPosts.ValidRubric());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was stored", await response.Content.ReadAsStringAsync());
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task An_anonymous_upload_is_sent_to_sign_in_and_stores_nothing()
    {
        var anonymous = app.CreateBrowserLikeClient();

        var response = await UploadPosts.PostAsync(anonymous, token: null, json: UploadPosts.ValidRubric());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task Another_users_rubric_is_invisible_everywhere()
    {
        var owner = await FormPosts.NewUserAsync(app, "Priya Private");
        await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("private-rubric", title: "Priya's private rubric"));
        var other = await FormPosts.NewUserAsync(app, "Nosy Neighbour");
        var otherId = await UserIdAsync("Nosy Neighbour");

        var page = await other.GetAsync("/rubrics/private-rubric/v/1");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/rubrics/private-rubric/v/1/json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/rubrics/private-rubric/v/1")).StatusCode);
        Assert.DoesNotContain("private-rubric", await other.GetStringAsync("/rubrics"));

        Assert.DoesNotContain(await Catalog.ChoicesForAsync(otherId), c => c.Id == "private-rubric");
        Assert.Null(await Catalog.FindAsync("private-rubric", 1, otherId));
        Assert.Null(await Catalog.FindAsync("private-rubric", 1, Guid.Empty));
    }

    [Fact]
    public async Task Two_people_may_give_their_own_rubrics_the_same_id()
    {
        var first = await FormPosts.NewUserAsync(app, "First Author");
        var second = await FormPosts.NewUserAsync(app, "Second Author");

        await UploadPosts.PasteAsync(first, UploadPosts.ValidRubric("house-rubric", title: "First's house rubric"));
        var response = await UploadPosts.PasteAsync(second, UploadPosts.ValidRubric("house-rubric", title: "Second's house rubric"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, (await CustomRowsAsync()).Count);
        Assert.Equal("First's house rubric", (await Catalog.FindAsync("house-rubric", 1, await UserIdAsync("First Author")))?.Title);
        Assert.Equal("Second's house rubric", (await Catalog.FindAsync("house-rubric", 1, await UserIdAsync("Second Author")))?.Title);
    }

    [Fact]
    public async Task A_custom_rubric_cannot_take_the_id_of_a_shipped_one()
    {
        var owner = await FormPosts.NewUserAsync(app, "Copy Cat");

        var response = await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("ml-system-design"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("'ml-system-design' is the id of a rubric that ships with MockLoop", html);
        Assert.Contains("my-ml-system-design", html);
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task Changing_an_uploaded_rubric_needs_a_new_version_and_keeps_the_old_one()
    {
        var owner = await FormPosts.NewUserAsync(app, "Vera Version");
        var ownerId = await UserIdAsync("Vera Version");
        await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("my-rubric", 1, "First wording"));

        var same = await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("my-rubric", 1, "First wording"));
        Assert.Equal("/rubrics/my-rubric/v/1?upload=unchanged", FormPosts.RedirectPath(same));

        var changed = await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("my-rubric", 1, "Second wording"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("raise \"version\" to 2", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        Assert.Single(await CustomRowsAsync());

        var bumped = await UploadPosts.PasteAsync(owner, UploadPosts.ValidRubric("my-rubric", 2, "Second wording"));
        Assert.Equal("/rubrics/my-rubric/v/2?upload=stored", FormPosts.RedirectPath(bumped));
        Assert.Equal("First wording", (await Catalog.FindAsync("my-rubric", 1, ownerId))?.Title);
        Assert.Equal("Second wording", (await Catalog.FindAsync("my-rubric", 2, ownerId))?.Title);
        Assert.Contains(new RubricChoice("my-rubric", 2, "Second wording", IsCustom: true), await Catalog.ChoicesForAsync(ownerId));
        Assert.DoesNotContain(await Catalog.ChoicesForAsync(ownerId), c => c is { Id: "my-rubric", Version: 1 });
    }

    [Fact]
    public async Task A_file_and_pasted_text_together_are_refused()
    {
        var owner = await FormPosts.NewUserAsync(app, "Both Hands");

        var response = await UploadPosts.PostAsync(owner, await UploadPosts.TokenAsync(owner),
            json: UploadPosts.ValidRubric("pasted"), file: (Encoding.UTF8.GetBytes(UploadPosts.ValidRubric("filed")), "filed.json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Upload one rubric at a time", await response.Content.ReadAsStringAsync());
        Assert.Empty(await CustomRowsAsync());
    }

    [Fact]
    public async Task The_upload_page_asks_signed_out_visitors_to_sign_in()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(UploadPosts.PagePath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    /// <summary>A valid rubric padded with spaces to exactly this many bytes of UTF-8.</summary>
    private static byte[] PaddedRubric(int bytes)
    {
        var json = UploadPosts.ValidRubric("padded-rubric");
        var padding = bytes - Encoding.UTF8.GetByteCount(json);
        Assert.True(padding >= 0);
        return Encoding.UTF8.GetBytes(json + new string(' ', padding));
    }

    private DbRubricCatalog Catalog => app.Services.GetRequiredService<DbRubricCatalog>();

    private async Task<Guid> UserIdAsync(string displayName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(u => u.DisplayName == displayName).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<StoredRubric>> CustomRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredRubric>()
            .AsNoTracking().Where(r => r.OwnerId != null).OrderBy(r => r.Id).ToListAsync();
    }
}

using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using MockLoop.Web.Components;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// <c>POST /rubrics/upload</c>: a multipart form with a file or pasted JSON. A minimal endpoint rather than the page's
/// own form handling, because the size has to be checked before the body is read and antiforgery checked after;
/// the result is the upload page rendered again with the outcome (docs/decisions/032).
/// </summary>
internal static class RubricUploadEndpoint
{
    public const string Path = "/rubrics/upload";

    /// <summary>The rubric plus room for multipart framing, the antiforgery token and the other (empty) field.</summary>
    public const long MaxRequestBytes = CustomRubricUploads.MaxBytes + 16 * 1024;

    private static readonly FormOptions Limits = new()
    {
        MultipartBodyLengthLimit = MaxRequestBytes,
        ValueLengthLimit = (int)MaxRequestBytes,
        ValueCountLimit = 16,
        BufferBodyLengthLimit = MaxRequestBytes,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IResult> PostAsync(HttpContext http, IAntiforgery antiforgery, CustomRubricUploads uploads, RubricUploadForm form)
    {
        form.Submitted = true;
        var request = http.Request;

        // Refuse by the declared size before reading a byte; the server limit covers bodies that declare none.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxRequestBytes;
        }
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge(form, request.ContentLength);
        }
        if (!request.HasFormContentType)
        {
            return Message(form, StatusCodes.Status415UnsupportedMediaType, "Send the rubric with the form on this page.");
        }

        IFormCollection fields;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(request, Limits));
            fields = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(form, null);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Message(form, StatusCodes.Status400BadRequest,
                "This form has expired or did not come from this page, so nothing was stored. Reload the page and try again.");
        }

        var file = fields.Files.GetFile("file") is { Length: > 0 } chosen ? chosen : null;
        var pasted = fields["json"].ToString();
        form.PastedJson = pasted;
        form.FileName = file?.FileName;

        if (file is not null && !string.IsNullOrWhiteSpace(pasted))
        {
            return Message(form, StatusCodes.Status422UnprocessableEntity,
                "You chose a file and pasted JSON. Upload one rubric at a time: clear the text box or the file.");
        }
        if (file is null && string.IsNullOrWhiteSpace(pasted))
        {
            return Message(form, StatusCodes.Status422UnprocessableEntity, "Choose a rubric file or paste its JSON.");
        }

        string json;
        string source;
        if (file is not null)
        {
            if (file.Length > CustomRubricUploads.MaxBytes)
            {
                return TooLarge(form, file.Length);
            }
            source = System.IO.Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "uploaded file";
            try
            {
                using var reader = new StreamReader(file.OpenReadStream(), StrictUtf8, detectEncodingFromByteOrderMarks: true);
                json = await reader.ReadToEndAsync(http.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                return Message(form, StatusCodes.Status422UnprocessableEntity, $"{source} is not UTF-8 text. Save it as UTF-8 JSON and upload it again.");
            }
        }
        else
        {
            var bytes = Encoding.UTF8.GetByteCount(pasted);
            if (bytes > CustomRubricUploads.MaxBytes)
            {
                return TooLarge(form, bytes);
            }
            source = "pasted JSON";
            json = pasted;
        }

        var outcome = await uploads.StoreAsync(RubricViewer.IdOf(http.User)!.Value, source, json, http.RequestAborted);
        if (outcome.IsStored)
        {
            var status = outcome.AlreadyStored ? "unchanged" : "stored";
            return Results.LocalRedirect($"/rubrics/{outcome.RubricId}/v/{outcome.Version}?upload={status}");
        }

        form.Problems = outcome.Problems;
        return Page(StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult TooLarge(RubricUploadForm form, long? bytes)
    {
        var size = bytes is { } b ? $" (this one is {Math.Ceiling(b / 1024.0):0} KB)" : "";
        // Not put back: it is over the limit, or the body was never read.
        form.PastedJson = "";
        return Message(form, StatusCodes.Status413PayloadTooLarge,
            $"That rubric is too large{size}: the limit is {CustomRubricUploads.MaxSizeText}. Nothing was stored.");
    }

    private static IResult Message(RubricUploadForm form, int status, string message)
    {
        form.Message = message;
        return Page(status);
    }

    /// <summary>The whole app (layout, navigation) renders the upload page for this URL, which reads <see cref="RubricUploadForm"/>.</summary>
    private static RazorComponentResult<App> Page(int status) => new() { StatusCode = status };
}

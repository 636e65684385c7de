using System.Net;
using Microsoft.AspNetCore.RateLimiting;

namespace MockLoop.Web.Security;

/// <summary>
/// What a person sees when a form post is rate limited: the top bar, a sentence that fits the form they used (a
/// rubric upload is not about "keeping accounts safe"), how long to wait, a way back, and, for a pasted rubric, the
/// JSON they pasted, so nothing typed is lost (issue 20). Scripts and API callers get one plain sentence.
/// </summary>
internal static class TooManyRequestsPage
{
    public static async Task WriteAsync(HttpContext http, int seconds, CancellationToken ct)
    {
        var response = http.Response;
        var wait = seconds < 90 ? $"{seconds} seconds" : $"{Math.Ceiling(seconds / 60.0):0} minutes";
        var accepts = http.Request.Headers.Accept.ToString();
        if (!accepts.Contains("text/html", StringComparison.OrdinalIgnoreCase) && accepts.Length > 0)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"Too many requests. Try again in {wait}.", ct);
            return;
        }
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var (why, back) = policy switch
        {
            RateLimitPolicies.RubricUpload => ("That was a lot of rubric uploads in a short time, so uploads are paused for a moment. Nothing was stored.", "/rubrics/upload"),
            RateLimitPolicies.CreateSession => ("That was a lot of new interviews in a short time, so creating them is paused for a moment. Nothing was created.", "/sessions/new"),
            RateLimitPolicies.JoinSession => ("That was a lot of joins in a short time, so joining is paused for a moment. Nothing was changed.", "/sessions"),
            RateLimitPolicies.Register => ("That was a lot of new accounts from here in a short time, so registration is paused to keep accounts safe. Nothing was changed.", "/account/register"),
            _ => ("That was a lot of sign-in attempts in a short time, so this form is paused to keep accounts safe. Nothing was changed.", "/account/login"),
        };
        var pasted = policy == RateLimitPolicies.RubricUpload ? await PastedJsonAsync(http, ct) : null;
        var kept = pasted is { Length: > 0 }
            ? $"""
                <div class="field">
                  <label for="kept-json">The JSON you pasted, kept here to copy</label>
                  <textarea id="kept-json" class="code-input" rows="12" readonly spellcheck="false">{WebUtility.HtmlEncode(pasted)}</textarea>
                </div>
              """
            : "";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Slow down · MockLoop</title>
              <link rel="stylesheet" href="/css/app.css" />
            </head>
            <body>
              <header class="topbar">
                <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">M</span>MockLoop</a>
                <nav class="topnav" aria-label="Main"><a href="{{back}}">Back to the form</a></nav>
              </header>
              <main class="page">
                <section class="card narrow too-many-requests">
                  <h1>Too many attempts</h1>
                  <p>{{WebUtility.HtmlEncode(why)}}</p>
                  <p><strong>Try again in {{WebUtility.HtmlEncode(wait)}}.</strong></p>
                  {{kept}}
                  <p><a class="button" href="{{back}}">Back to the form</a></p>
                </section>
              </main>
            </body>
            </html>
            """, ct);
    }

    /// <summary>The pasted rubric text of a refused upload; the form is small (the endpoint caps the request).</summary>
    private static async Task<string?> PastedJsonAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            return form["json"].ToString();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}

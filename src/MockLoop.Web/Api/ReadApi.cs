using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Progress;
using MockLoop.Web.Data;
using MockLoop.Web.Identity;
using MockLoop.Web.Progress;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Scoring;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Api;

/// <summary>
/// /api/v1: read-only, for tools holding an access token from MockLoop's own provider (never the cookie), one scope
/// per read. The figures come from the same ProgressService and ProgressMath as the progress page.
/// </summary>
public static class ReadApi
{
    public const string DocumentName = "v1";

    internal static IHostApplicationBuilder AddReadApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "MockLoop read API";
                document.Info.Description = "A signed-in person's own progress and scored sessions, for tools they allow. " +
                    "OAuth 2.0 authorization code with PKCE from this server (/.well-known/openid-configuration); " +
                    $"scopes {ProviderScopes.ProgressRead} and {ProviderScopes.SessionsRead}.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    internal static void MapReadApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1/me").WithTags("Me");
        api.MapGet("/progress", ProgressAsync)
            .RequireAuthorization(ProviderScopes.ProgressRead)
            .WithSummary($"The progress page's figures (scope {ProviderScopes.ProgressRead})")
            .WithDescription("rubric: an id@version key from 'rubrics' (default: the latest used); level: a target level (default: the latest scorecard's).")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
        api.MapGet("/sessions", SessionsAsync)
            .RequireAuthorization(ProviderScopes.SessionsRead)
            .WithSummary($"Each scored session as a candidate, newest first, with its report link (scope {ProviderScopes.SessionsRead})")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
    }

    private static async Task<ProgressResponse> ProgressAsync(HttpContext http, ProgressService progress, string? rubric, string? level)
    {
        var data = await progress.ForCandidateAsync(Caller(http), rubric, level, http.RequestAborted);
        if (data.Rubric is not { } chosen)
        {
            return new ProgressResponse(data.RubricIds, null, null, data.Level.ToString(), 0, [], null, [], [], [], []);
        }
        var readiness = ProgressMath.ReadinessFor(data.Sessions, chosen, data.Level);
        return new ProgressResponse(
            data.RubricIds, data.RubricId, chosen.Title, data.Level.ToString(), data.Sessions.Count,
            ProgressMath.OverallTrend(data.Sessions),
            new ReadinessResponse(readiness.Status.ToString(), readiness.AverageOverall, readiness.RequiredOverall, readiness.RequiredStep,
                readiness.StepsMeetingBar, readiness.StepsAssessed, readiness.SessionsConsidered),
            ProgressMath.StepMatrix(data.Sessions, chosen),
            ProgressMath.TimeManagement(data.Sessions, chosen),
            ProgressMath.WeakestSteps(data.Sessions, chosen),
            ProgressMath.WeakestCriteria(data.Sessions, chosen));
    }

    private static async Task<SessionsResponse> SessionsAsync(HttpContext http, AppDbContext db, IRubricCatalog catalog)
    {
        var me = Caller(http);
        var cards = await db.Set<ScorecardRow>().AsNoTracking().Where(c => c.CandidateId == me)
            .OrderByDescending(c => c.SubmittedAt).Take(500).ToListAsync(http.RequestAborted);
        var ids = cards.Select(c => c.SessionId).ToList();
        var steps = (await db.Set<ScorecardStepRow>().AsNoTracking().Where(s => ids.Contains(s.SessionId)).ToListAsync(http.RequestAborted))
            .ToLookup(s => s.SessionId);
        var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return new SessionsResponse(cards.Select(c => new SessionResponse(
            c.SessionId, c.SubmittedAt, $"{c.RubricId}@{c.RubricVersion}", c.CaseId is null ? null : catalog.FindCase(c.CaseId)?.Title,
            c.TargetLevel, c.Overall, c.Verdict, steps[c.SessionId].ToDictionary(s => s.StepId, s => s.Score),
            c.Strengths, c.Improvements, c.NextStep, $"{site}/reports/{c.SessionId}")).ToList());
    }

    /// <summary>The account the token was issued for (its subject), never a parameter.</summary>
    private static Guid Caller(HttpContext http) => Guid.Parse(http.User.GetClaim(Claims.Subject)!);
}

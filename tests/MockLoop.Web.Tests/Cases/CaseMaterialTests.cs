using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Cases;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cases;

/// <summary>
/// Item 4: a case's facts, hints and expected components go only to those entitled (the interviewer of a session
/// with the case, or whoever chose to open them); opening them takes the case out of every draw for that candidate.
/// </summary>
public sealed class CaseMaterialTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string CaseId = "fraud-detection";
    private static readonly LibraryLoadResult Shipped = RubricLibrary.LoadDirectory(RubricLibraryCopy.RepositoryRubrics);
    private static readonly string SecretFact = Shipped.Cases.Single(c => c.Id == CaseId).Facts[0].Detail;
    private static readonly string[] RubricCases = Shipped.Cases.Where(c => c.RubricId == "ml-system-design").Select(c => c.Id).ToArray();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> PageAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{CaseId}"));

    [Fact]
    public async Task An_anonymous_visitor_sees_the_prompt_only()
    {
        var html = await PageAsync(app.CreateClient());

        Assert.Contains(Shipped.Cases.Single(c => c.Id == CaseId).Prompt, html);
        Assert.DoesNotContain(SecretFact, html);
        Assert.DoesNotContain("Core components", html);
        Assert.DoesNotContain("Open the interviewer material", html);
        Assert.Contains("Sign in</a> to interview with this case", html);
    }

    [Fact]
    public async Task A_signed_in_person_sees_the_prompt_and_a_warning_and_gets_the_material_only_after_choosing_to_open_it()
    {
        var reader = await FormPosts.NewUserAsync(app, "Reader");

        var before = await PageAsync(reader);
        Assert.DoesNotContain(SecretFact, before);
        Assert.Contains("never drawn for you as a candidate again", before);

        var opened = await FormPosts.PostFormAsync(reader, $"/cases/{CaseId}", $"/cases/{CaseId}/material", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var after = await PageAsync(reader);
        Assert.Contains(SecretFact, after);
        Assert.Contains("Core components", after);
        Assert.True(await HasOpenedAsync("Reader"));
    }

    [Fact]
    public async Task Opening_the_material_without_the_antiforgery_token_records_nothing_and_shows_nothing()
    {
        var reader = await FormPosts.NewUserAsync(app, "Reader");

        var forged = await reader.PostAsync($"/cases/{CaseId}/material", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(SecretFact, await PageAsync(reader));
        Assert.False(await HasOpenedAsync("Reader"));
    }

    [Fact]
    public async Task The_interviewer_of_a_session_with_the_case_sees_the_material_and_its_candidate_does_not()
    {
        await using var room = await PairedRoom.OpenAsync(app, caseId: CaseId);

        Assert.Contains(SecretFact, await PageAsync(room.Interviewer));
        Assert.DoesNotContain(SecretFact, await PageAsync(room.Candidate));
        // In the room too, the candidate's snapshot has the prompt and nothing else of the case.
        var snapshot = (await room.CandidateHub.SyncAsync(-1)).GetProperty("snapshot").GetProperty("case");
        Assert.False(snapshot.TryGetProperty("facts", out var facts) && facts.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_random_case_for_a_candidate_is_never_one_whose_material_they_opened()
    {
        var candidate = await FormPosts.NewUserAsync(app, "Cal");
        var keep = RubricCases[^1];
        foreach (var id in RubricCases.Where(c => c != keep))
        {
            await FormPosts.PostFormAsync(candidate, $"/cases/{id}", $"/cases/{id}/material", []);
        }

        for (var i = 0; i < 5; i++)
        {
            var sessionId = await FormPosts.CreateSessionAsync(candidate, "Candidate");
            Assert.Equal(keep, await CaseOfAsync(sessionId));
        }
    }

    [Fact]
    public async Task The_lobby_never_draws_a_case_the_candidate_opened()
    {
        var candidate = await FormPosts.NewUserAsync(app, "Cal");
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy");
        var keep = RubricCases[0];
        foreach (var id in RubricCases.Where(c => c != keep))
        {
            await FormPosts.PostFormAsync(candidate, $"/cases/{id}", $"/cases/{id}/material", []);
        }
        await using var calLobby = await RoomHub.ConnectAsync(app, candidate, "v=1", "/hubs/lobby");
        await using var ivyLobby = await RoomHub.ConnectAsync(app, interviewer, "v=1", "/hubs/lobby");
        var matched = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        calLobby.Connection.On<System.Text.Json.JsonElement>("Matched", m => matched.TrySetResult(m.GetProperty("sessionUrl").GetString()!));

        // The interviewer even names a case the candidate opened; the candidate asked for any.
        await calLobby.Connection.InvokeAsync<System.Text.Json.JsonElement>("Join", "candidate", "ml-system-design@3", "");
        await ivyLobby.Connection.InvokeAsync<System.Text.Json.JsonElement>("Join", "interviewer", "ml-system-design@3", RubricCases[1]);

        var url = await matched.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(keep, await CaseOfAsync(Guid.Parse(url["/s/".Length..])));
    }

    [Fact]
    public async Task A_return_match_never_draws_a_case_the_new_candidate_opened()
    {
        await using var room = await PairedRoom.OpenAsync(app, caseId: CaseId);
        // Ivy becomes the candidate of the return match; she opened every case but one.
        var keep = RubricCases.First(c => c != CaseId);
        foreach (var id in RubricCases.Where(c => c != keep && c != CaseId))
        {
            await FormPosts.PostFormAsync(room.Interviewer, $"/cases/{id}", $"/cases/{id}/material", []);
        }
        Assert.True((await room.InterviewerHub.CommandAsync(InterviewHubMethods.Timer, new { type = "start" }, "t-1")).Ok);
        Assert.True((await room.InterviewerHub.CommandAsync(InterviewHubMethods.Timer, new { type = "end" }, "t-2")).Ok);

        var match = await room.CandidateHub.CommandAsync(InterviewHubMethods.StartReturnMatch);

        Assert.True(match.Ok, match.Error);
        Assert.Equal(keep, await CaseOfAsync(Guid.Parse(match.Location!["/s/".Length..])));
    }

    [Fact]
    public async Task Opening_is_recorded_once_and_named_by_CasesSeenByAsync_for_other_features()
    {
        var reader = await FormPosts.NewUserAsync(app, "Reader");
        await FormPosts.PostFormAsync(reader, $"/cases/{CaseId}", $"/cases/{CaseId}/material", []);
        await FormPosts.PostFormAsync(reader, $"/cases/{CaseId}", $"/cases/{CaseId}/material", []);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Set<CaseMaterialOpening>().Select(o => o.UserId).SingleAsync();
        Assert.Equal([CaseId], await scope.ServiceProvider.GetRequiredService<CaseMaterialService>().CasesSeenByAsync(userId));
    }

    private async Task<string?> CaseOfAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions.SingleAsync(s => s.Id == sessionId)).CaseId;
    }

    private async Task<bool> HasOpenedAsync(string displayName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var people = db.Users.Where(u => u.DisplayName == displayName).Select(u => u.Id);
        return await db.Set<CaseMaterialOpening>().AnyAsync(o => o.CaseId == CaseId && people.Contains(o.UserId));
    }
}

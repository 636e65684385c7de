using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Contracts;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Tests.Rubrics;
using MockLoop.Web.Tests.Support;
using Npgsql;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// Item 2: text PostgreSQL cannot store (NUL, other control characters, lone surrogates) is refused with
/// "unstorable_text" by every command that takes text, and by the rubric upload; nothing is stored, and a bad entry
/// never sends other sessions' entries in the same group commit into retries.
/// </summary>
public sealed class UnstorableTextTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string Code = "unstorable_text";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("nul \u0000 inside", 5)]
    [InlineData("escape \u001b[2J", 8)]
    [InlineData("bell \u0007", 6)]
    public async Task Chat_notes_labels_and_criterion_notes_with_control_characters_are_refused_and_nothing_is_stored(string bad, int position)
    {
        await using var room = await PairedRoom.OpenAsync(app);

        var results = new[]
        {
            await room.CandidateHub.CommandAsync("SendChat", bad, "chat-bad"),
            await room.InterviewerHub.CommandAsync("SaveNote", "evaluation", bad, "note-bad"),
            await room.InterviewerHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-bad", "n-bad", bad)),
            await room.InterviewerHub.CommandAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 2, bad, false, Array.Empty<int>(), "score-bad"),
        };

        Assert.All(results, r =>
        {
            Assert.False(r.Ok);
            Assert.Equal(Code, r.Code);
            Assert.Contains("cannot be stored", r.Error);
        });
        Assert.Contains($"position {position}", results[0].Error);
        Assert.Empty(await LogAsync(room.Id));
        // And the room carries on: the same commands with clean text are stored.
        Assert.True((await room.CandidateHub.CommandAsync("SendChat", "tabs\tand\nlines are fine", "chat-ok")).Ok);
        Assert.True((await room.InterviewerHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-ok", "n-ok", "Ranker"))).Ok);
    }

    [Fact]
    public async Task A_renamed_label_with_a_NUL_is_refused_like_a_new_one()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        Assert.True((await room.InterviewerHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-1", "n-1"))).Ok);

        var rename = await room.CandidateHub.CommandAsync("SubmitOp", System.Text.Json.JsonSerializer.SerializeToElement(
            new { type = "updateNode", opId = "op-2", nodeId = "n-1", label = "bad\u0000" }));

        Assert.Equal(Code, rename.Code);
        Assert.Single(await LogAsync(room.Id));
    }

    [Fact]
    public async Task Scorecard_feedback_with_a_control_character_is_refused_and_the_scorecard_stays_unsubmitted()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        Assert.True((await room.InterviewerHub.CommandAsync("Timer", new { type = "start" }, "t-1")).Ok);
        Assert.True((await room.InterviewerHub.CommandAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, null, false, Array.Empty<int>(), "s-1")).Ok);
        Assert.True((await room.InterviewerHub.CommandAsync("Timer", new { type = "end" }, "t-2")).Ok);

        var submitted = await room.InterviewerHub.CommandAsync("SubmitScorecard", "Senior", "Clear\u0000", "More metrics", "Practise ranking", "sc-1");

        Assert.Equal(Code, submitted.Code);
        Assert.Contains("strengths", submitted.Error);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<MockLoop.Web.Scoring.ScorecardRow>().AnyAsync());
    }

    [Fact]
    public async Task A_lone_surrogate_sent_as_a_JSON_escape_is_refused_with_the_same_code_not_a_binding_error()
    {
        // No serializer writes a lone surrogate, but a browser's JSON.stringify does ("\ud83d" from a cut emoji).
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        await using var hub = await RawHubClient.ConnectAsync(app, interviewer, $"session={id}");
        await hub.ExpectAsync("RoomState");

        var chat = (await hub.CallRawAsync("SendChat", """["cut emoji \ud83d", "c-1"]"""))!;
        var label = (await hub.CallRawAsync("SubmitOp",
            """[{"type":"addNode","opId":"op-1","node":{"id":"n-1","componentType":"feature-store","label":"x\udc00","x":0,"y":0,"width":160,"height":64}}]"""))!;

        Assert.Equal(Code, chat["code"]!.GetValue<string>());
        Assert.Contains("lone surrogate", chat["error"]!.GetValue<string>());
        Assert.Equal(Code, label["code"]!.GetValue<string>());
        Assert.Empty(await LogAsync(id));
    }

    [Fact]
    public async Task The_lobby_refuses_a_choice_with_a_control_character_with_the_same_code()
    {
        var cal = await FormPosts.NewUserAsync(app, "Cal");
        await using var lobby = await RoomHub.ConnectAsync(app, cal, "v=1", "/hubs/lobby");

        var result = await lobby.Connection.InvokeAsync<LobbyJoinResult>("Join", "candidate", "ml-system-design@3", "fraud\u0000");

        Assert.False(result.Ok);
        Assert.Equal(Code, result.Code);
        Assert.Contains("U+0000", result.Error);
    }

    [Theory]
    [InlineData("\\u0000", "U+0000")]
    [InlineData("\\ud800", "U+D800")]
    [InlineData("\\u0007", "U+0007")]
    public async Task An_uploaded_rubric_with_unstorable_text_is_refused_with_its_path_and_nothing_is_stored(string escape, string named)
    {
        var owner = await FormPosts.NewUserAsync(app, "Ann");
        var json = UploadPosts.ValidRubric("bad-text").Replace("\"title\":\"Team rubric bad-text\"", $"\"title\":\"Team {escape} rubric\"");
        Assert.Contains(escape, json);

        var response = await UploadPosts.PasteAsync(owner, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("$.title", page);
        Assert.Contains(named, page);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredRubric>().AnyAsync(r => r.RubricId == "bad-text"));
    }

    [Fact]
    public async Task Bad_text_in_one_session_never_sends_other_sessions_entries_into_retries()
    {
        await using var troubled = await PairedRoom.OpenAsync(app);
        await using var busy = await PairedRoom.OpenAsync(app);
        var writer = app.Services.GetRequiredService<SessionLogWriter>();
        var retriedBefore = writer.EntriesRetriedAlone;

        // Both sessions write at once, so their entries meet in the same group commits.
        var bad = Enumerable.Range(0, 20).Select(i => troubled.CandidateHub.CommandAsync("SendChat", $"bad {i}\u0000", $"bad-{i}"));
        var good = Enumerable.Range(0, 20).Select(i => busy.CandidateHub.CommandAsync("SendChat", $"good {i}", $"good-{i}"));
        var results = await Task.WhenAll(bad.Concat(good));

        Assert.All(results.Take(20), r => Assert.Equal(Code, r.Code));
        Assert.All(results.Skip(20), r => Assert.True(r.Ok, r.Error));
        Assert.Equal(20, (await LogAsync(busy.Id)).Count);
        Assert.Empty(await LogAsync(troubled.Id));
        Assert.Equal(retriedBefore, writer.EntriesRetriedAlone);
    }

    [Fact]
    public async Task An_entry_the_database_refuses_fails_alone_and_the_entries_beside_it_are_stored()
    {
        // The rules refuse such text before an event exists (the tests above), so the group commit no longer parses
        // each payload again; should the database refuse an entry all the same, only that entry fails.
        await using var room = await PairedRoom.OpenAsync(app);
        var writer = app.Services.GetRequiredService<SessionLogWriter>();
        var authorId = (await room.InterviewerHub.RoomStateAsync()).GetProperty("myUserId").GetGuid();
        SessionEventRow Entry(long seq, string payload) => new()
        {
            SessionId = room.Id, Seq = seq, Kind = "chat", Payload = payload, AuthorId = authorId, At = DateTimeOffset.UtcNow,
        };

        var epoch = await SessionEpochs.TakeAsync(app, room.Id);

        var good = writer.AppendAsync(Entry(1, """{"text":"fine"}"""), epoch);
        var bad = writer.AppendAsync(Entry(2, """{"text":"nul \u0000"}"""), epoch);
        var after = writer.AppendAsync(Entry(3, """{"text":"also fine"}"""), epoch);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal(PostgresErrorCodes.UntranslatableCharacter, refused.SqlState);
        await good;
        await after;
        Assert.Equal([1L, 3L], (await LogAsync(room.Id)).Select(e => e.Seq));
    }

    private async Task<List<SessionEventRow>> LogAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).ToListAsync();
    }
}

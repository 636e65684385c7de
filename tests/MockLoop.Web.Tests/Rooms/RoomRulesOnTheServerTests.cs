using System.Text.Json.Nodes;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// Rules the room clients enforce in their forms (disabled controls, maxlength, read-only once ended) hold on the
/// server too: a client that skips its own checks, through the real hub, is refused and changes nothing.
/// </summary>
public sealed class RoomRulesOnTheServerTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>"ok" for an applied command, else the refusal's code.</summary>
    private static string? Code(JsonNode? result) =>
        result?["ok"]?.GetValue<bool>() == true ? "ok" : result?["code"]?.GetValue<string>();

    private static async Task EndAsync(PairedRoom room)
    {
        Assert.Equal("ok", Code(await room.InterviewerHub.CallAsync("Timer", new { type = "start" }, null)));
        Assert.Equal("ok", Code(await room.InterviewerHub.CallAsync("Timer", new { type = "end" }, null)));
    }

    [Fact]
    public async Task Chat_and_the_interviewers_notes_are_read_only_once_the_interview_ended()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        Assert.Equal("ok", Code(await room.InterviewerHub.CallAsync("SaveNote", "clarify-requirements", "asked about scale", null)));
        await EndAsync(room);

        Assert.Equal("ended", Code(await room.CandidateHub.CallAsync("SendChat", "one more thing", null)));
        Assert.Equal("ended", Code(await room.InterviewerHub.CallAsync("SendChat", "one more thing", null)));
        Assert.Equal("ended", Code(await room.InterviewerHub.CallAsync("SaveNote", "clarify-requirements", "rewritten later", null)));

        var state = await room.InterviewerHub.SyncAsync(-1);
        Assert.DoesNotContain("rewritten later", state.GetRawText());
        Assert.DoesNotContain("one more thing", state.GetRawText());
        Assert.Contains("asked about scale", state.GetRawText());
    }

    [Fact]
    public async Task Only_the_interviewer_keeps_notes_and_a_note_has_the_clients_length_limit()
    {
        await using var room = await PairedRoom.OpenAsync(app);

        Assert.Equal("interviewer_only", Code(await room.CandidateHub.CallAsync("SaveNote", "clarify-requirements", "my own note", null)));
        Assert.Equal("too_long", Code(await room.InterviewerHub.CallAsync("SaveNote", "clarify-requirements", new string('n', 10_001), null)));
        Assert.Equal("ok", Code(await room.InterviewerHub.CallAsync("SaveNote", "clarify-requirements", new string('n', 10_000), null)));
    }

    [Fact]
    public async Task Criterion_notes_and_feedback_past_the_forms_limits_are_refused()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var i = room.InterviewerHub;
        Assert.Equal("ok", Code(await i.CallAsync("Timer", new { type = "start" }, null)));

        Assert.Equal("too_long", Code(await i.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, new string('x', 2_001), false, Array.Empty<int>(), null)));
        Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, new string('x', 2_000), false, Array.Empty<int>(), null)));
        Assert.Equal("ok", Code(await i.CallAsync("Timer", new { type = "end" }, null)));
        Assert.Equal("too_long", Code(await i.CallAsync("SubmitScorecard", "Senior", new string('s', 4_001), "", "Practise metrics", null)));
        Assert.Equal("too_long", Code(await i.CallAsync("SubmitScorecard", "Senior", "", "", new string('s', 4_001), null)));
        Assert.Equal("ok", Code(await i.CallAsync("SubmitScorecard", "Senior", new string('s', 4_000), "", "Practise metrics", null)));
    }

    [Fact]
    public async Task A_scorecard_needs_a_score_and_a_next_step_whatever_the_form_allowed()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var i = room.InterviewerHub;
        await EndAsync(room);

        Assert.Equal("nothing_scored", Code(await i.CallAsync("SubmitScorecard", "Senior", "", "", "Practise metrics", null)));
        Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, null, false, Array.Empty<int>(), null)));
        Assert.Equal("next_step_missing", Code(await i.CallAsync("SubmitScorecard", "Senior", "", "", "   ", null)));
        Assert.Equal("bad_level", Code(await i.CallAsync("SubmitScorecard", "Principal", "", "", "Practise metrics", null)));
        Assert.Equal("ok", Code(await i.CallAsync("SubmitScorecard", "Senior", "", "", "Practise metrics", null)));
        Assert.Equal("submitted", Code(await i.CallAsync("RecordRedFlag", "evaluation", "accuracy-on-rare-positives", true, null)));
    }
}

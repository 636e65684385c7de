namespace MockLoop.Web.Tests.Support;

/// <summary>
/// An interview with both seats taken and both participants connected to the hub with the real SignalR client.
/// Connected means RoomState has arrived: the server sends it after adding the connection to the session's groups, so no broadcast is missed.
/// </summary>
public sealed record PairedRoom(Guid Id, HttpClient Interviewer, HttpClient Candidate, RoomHub InterviewerHub, RoomHub CandidateHub)
    : IAsyncDisposable
{
    public static async Task<PairedRoom> OpenAsync(MockLoopApp app, string interviewerName = "Ivy", string candidateName = "Cal", string caseId = "")
    {
        var interviewer = await FormPosts.NewUserAsync(app, interviewerName);
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer", caseId: caseId);
        var candidate = await FormPosts.NewUserAsync(app, candidateName);
        await FormPosts.JoinAsync(candidate, id);
        var interviewerHub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");
        var candidateHub = await RoomHub.ConnectAsync(app, candidate, $"session={id}");
        await interviewerHub.ExpectAsync("RoomState");
        await candidateHub.ExpectAsync("RoomState");
        return new PairedRoom(id, interviewer, candidate, interviewerHub, candidateHub);
    }

    public async ValueTask DisposeAsync()
    {
        await InterviewerHub.DisposeAsync();
        await CandidateHub.DisposeAsync();
    }
}

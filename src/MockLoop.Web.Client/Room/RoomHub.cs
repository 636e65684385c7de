using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// The room's connection to the interview hub, typed by Core's contract: handlers are registered under
/// <see cref="IRoomClient"/>'s method names and calls use <see cref="InterviewHubMethods"/>. The Identity cookie
/// travels with the WebSocket.
/// </summary>
public sealed class RoomHub : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Uri url;

    public RoomHub(Uri hubUrl, Guid sessionId)
    {
        url = new UriBuilder(hubUrl) { Query = $"session={sessionId}" }.Uri;
        connection = new HubConnectionBuilder()
            .WithUrl(url, HubTransport.WebSocketsOnly)
            .WithAutomaticReconnect(new RetryForever(() => _ = RefuseWhileReconnectingAsync()))
            .AddJsonProtocol(json => ContractJson.CopyTo(json.PayloadSerializerOptions))
            .Build()
            .WithMockLoopTimings();
        connection.Reconnecting += _ => Changed(ConnectionPhase.Reconnecting);
        connection.Reconnected += _ => Changed(ConnectionPhase.Connected);
        connection.Closed += _ => Changed(verdict ?? ConnectionPhase.Offline);
    }

    public ConnectionPhase Phase { get; private set; } = ConnectionPhase.Connecting;

    public bool IsConnected => connection.State == HubConnectionState.Connected;

    /// <summary>Raised on every change of <see cref="Phase"/>; a move to Connected means "sync what you missed".</summary>
    public event Func<ConnectionPhase, Task>? PhaseChanged;

    public void On<T>(string method, Func<T, Task> handler) => connection.On(method, handler);

    /// <summary>Starts, retrying with backoff until it gets in; a refusal (401 signed out, 403 not a member) is final.</summary>
    public async Task StartAsync(CancellationToken stop)
    {
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                await connection.StartAsync(stop);
                await Changed(ConnectionPhase.Connected);
                return;
            }
            catch (HttpRequestException ex) when (VerdictFor(ex.StatusCode) is { } refused)
            {
                await Changed(refused);
                return;
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                if (await VerdictAsync(stop) is { } refused)
                {
                    await Changed(refused);
                    return;
                }
                await Changed(ConnectionPhase.Offline);
                await Task.Delay(Backoff.Delay(attempt), stop);
            }
        }
    }

    /// <summary>
    /// A browser does not say why a WebSocket was not opened, and the room opens it with no negotiate request first
    /// (HubTransport). So after a failure it asks the hub's negotiate endpoint, which any node answers with the same
    /// verdict: 401 or 403 means retrying is pointless (<see cref="VerdictFor"/>); null means try again.
    /// </summary>
    private async Task<ConnectionPhase?> VerdictAsync(CancellationToken stop)
    {
        try
        {
            var probe = new UriBuilder(url) { Path = url.AbsolutePath.TrimEnd('/') + "/negotiate", Query = url.Query.TrimStart('?') + "&negotiateVersion=1" }.Uri;
            using var response = await Probe.PostAsync(probe, null, stop);
            return VerdictFor(response.StatusCode);
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            return null; // unreachable: offline, not refused
        }
    }

    /// <summary>
    /// The hub's answer to a connection it will not take: 401, the sign-in is gone (the cookie expired, or the person
    /// signed out in another tab), so signing in again helps; 403, this person is not a participant. Anything else
    /// (a node restarting, the network) is worth another try.
    /// </summary>
    public static ConnectionPhase? VerdictFor(System.Net.HttpStatusCode? status) => status switch
    {
        System.Net.HttpStatusCode.Unauthorized => ConnectionPhase.SignedOut,
        System.Net.HttpStatusCode.Forbidden => ConnectionPhase.Refused,
        _ => null,
    };

    /// <summary>
    /// A reconnect attempt failed. The sign-in is checked only when a connection opens, so a cookie that expired while
    /// the room was connected shows up here: ask the hub, and stop retrying when it says no (Closed reports why).
    /// </summary>
    private async Task RefuseWhileReconnectingAsync()
    {
        if (Interlocked.Exchange(ref probing, 1) == 1)
        {
            return;
        }
        try
        {
            if (await VerdictAsync(CancellationToken.None) is { } refused)
            {
                verdict = refused;
                await connection.StopAsync();
            }
        }
        finally
        {
            probing = 0;
        }
    }

    private ConnectionPhase? verdict;
    private int probing;

    /// <summary>Same-origin requests carry the sign-in cookie, as the WebSocket does.</summary>
    private static readonly HttpClient Probe = new();

    public Task<SyncResult> SyncAsync(long lastSeq) => connection.InvokeAsync<SyncResult>(InterviewHubMethods.Sync, lastSeq);

    /// <summary>Sent as the <see cref="TimerCommand"/> union (declared as the base, so its "type" goes with it).</summary>
    public Task<CommandResult> TimerAsync(TimerCommand command, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.Timer, JsonSerializer.SerializeToElement(command, ContractJson.Options), clientId);

    /// <summary>Chat older than <paramref name="beforeSeq"/>, oldest first, read from the session log.</summary>
    public Task<ChatPage> ChatBeforeAsync(long beforeSeq) =>
        connection.InvokeAsync<ChatPage>(InterviewHubMethods.ChatBefore, beforeSeq);

    public Task<CommandResult> SendChatAsync(string text, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.SendChat, text, clientId);

    public Task<CommandResult> SaveNoteAsync(string stepId, string text, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.SaveNote, stepId, text, clientId);

    /// <summary>Serialized as <see cref="DiagramOp"/> so the "type" discriminator goes with it.</summary>
    public Task<CommandResult> SubmitOpAsync(DiagramOp op) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.SubmitOp, JsonSerializer.SerializeToElement(op, ContractJson.Options));

    public Task<CommandResult> ScoreCriterionMarksAsync(CriterionScoreView score, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.ScoreCriterionMarks, score.StepId, score.CriterionId, score.Level, score.Note,
            score.NeededHint, (score.Signals ?? []).ToArray(), clientId);

    public Task<CommandResult> RecordRedFlagAsync(RedFlagIntent flag, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.RecordRedFlag, flag.StepId, flag.FlagId, flag.Raised, clientId);

    public Task<CommandResult> SelfAssessAsync(string stepId, string criterionId, int? level, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.SelfAssess, stepId, criterionId, level, clientId);

    public Task<CommandResult> SubmitScorecardAsync(string targetLevel, string strengths, string improvements, string nextStep, string clientId) =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.SubmitScorecard, targetLevel, strengths, improvements, nextStep, clientId);

    public Task<CommandResult> StartReturnMatchAsync() =>
        connection.InvokeAsync<CommandResult>(InterviewHubMethods.StartReturnMatch);

    public async Task<IReadOnlyList<IceServerView>> CallIceServersAsync() =>
        await connection.InvokeAsync<IceServerView[]>(InterviewHubMethods.CallIceServers);

    /// <summary>Call signalling (CallPresence, CallDescription, CallCandidate), relayed to the partner, never stored.</summary>
    public Task<CallResult> CallAsync<TRequest>(string method, TRequest request) where TRequest : class =>
        connection.InvokeAsync<CallResult>(method, request);

    /// <summary>Volatile: fire and forget; the server drops what exceeds 20 per second.</summary>
    public Task CursorAsync(double x, double y) =>
        IsConnected ? connection.SendAsync(InterviewHubMethods.Cursor, x, y) : Task.CompletedTask;

    public Task DragPreviewAsync(string nodeId, double x, double y) =>
        IsConnected ? connection.SendAsync(InterviewHubMethods.DragPreview, nodeId, x, y) : Task.CompletedTask;

    private async Task Changed(ConnectionPhase phase)
    {
        Phase = phase;
        if (PhaseChanged is { } handler)
        {
            await handler(phase);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>After a drop, keep trying for as long as the page is open: an interview must never give up.</summary>
    private sealed class RetryForever(Action attemptFailed) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext)
        {
            if (retryContext.PreviousRetryCount > 0)
            {
                attemptFailed();
            }
            return Backoff.Delay((int)Math.Min(retryContext.PreviousRetryCount, 20));
        }
    }
}

/// <summary>Refused: not a participant (403). SignedOut: the sign-in expired or ended (401); signing in again helps.</summary>
public enum ConnectionPhase { Connecting, Connected, Reconnecting, Offline, Refused, SignedOut }

/// <summary>Exponential backoff with a ceiling: 0.5 s, 1 s, 2 s, 4 s, then every 5 s.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5000, 500 * Math.Pow(2, Math.Clamp(attempt, 0, 10))));
}

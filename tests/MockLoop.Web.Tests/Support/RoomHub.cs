using MockLoop.Core.Contracts;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// The real .NET SignalR client, connected over a WebSocket to the in-memory server with a signed-in user's cookie.
/// Keeps every Event it receives, so tests can wait for one by sequence.
/// </summary>
public sealed class RoomHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly TaskCompletionSource<JsonElement> _roomState = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RoomHub(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyCollection<JsonElement> Events => _events;

    /// <param name="origin">The Origin header of the WebSocket handshake, as a browser sends it; none when null.</param>
    public static async Task<RoomHub> ConnectAsync(
        MockLoopApp app, HttpClient signedIn, string query, string hubPath = "/hubs/interview", string? origin = null,
        bool skipNegotiation = false)
    {
        var cookie = app.CookieHeaderFor(signedIn);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"{hubPath.TrimStart('/')}?{query}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = skipNegotiation;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin;
                }
                options.WebSocketFactory = async (context, ct) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (cookie is not null)
                        {
                            request.Headers.Cookie = cookie;
                        }
                        if (origin is not null)
                        {
                            request.Headers.Origin = origin;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        var hub = new RoomHub(connection);
        connection.On<JsonElement>("Event", e => hub._events.Enqueue(e));
        connection.On<JsonElement>("RoomState", s => hub._roomState.TrySetResult(s));
        await connection.StartAsync();
        return hub;
    }

    /// <summary>Connected and in the session's groups: the server sends RoomState after adding the connection to them.</summary>
    public Task<JsonElement> RoomStateAsync() => _roomState.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public Task<CommandResult> CommandAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<CommandResult>(method, args);

    public Task<JsonElement> SyncAsync(long lastSeq) => Connection.InvokeAsync<JsonElement>("Sync", lastSeq);

    /// <summary>Waits (bounded) until an Event with this sequence has arrived.</summary>
    public async Task<JsonElement> EventAsync(long seq)
    {
        for (var i = 0; i < 200; i++)
        {
            if (_events.FirstOrDefault(e => e.GetProperty("seq").GetInt64() == seq) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"No event {seq} arrived.");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>An interview with both seats taken and both participants connected with the real SignalR client.</summary>
public sealed record LiveRoom(Guid Id, HttpClient Interviewer, HttpClient Candidate, RoomHub InterviewerHub, RoomHub CandidateHub)
    : IAsyncDisposable
{
    public static async Task<LiveRoom> OpenAsync(MockLoopApp app, string caseId = "")
    {
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer", caseId: caseId);
        var candidate = await FormPosts.NewUserAsync(app, "Cal");
        await FormPosts.JoinAsync(candidate, id);
        var interviewerHub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");
        var candidateHub = await RoomHub.ConnectAsync(app, candidate, $"session={id}");
        await interviewerHub.RoomStateAsync();
        await candidateHub.RoomStateAsync();
        return new LiveRoom(id, interviewer, candidate, interviewerHub, candidateHub);
    }

    public async ValueTask DisposeAsync()
    {
        await InterviewerHub.DisposeAsync();
        await CandidateHub.DisposeAsync();
    }
}

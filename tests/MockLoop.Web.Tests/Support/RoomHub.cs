using MockLoop.Web.Client;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// The real .NET SignalR client (Microsoft.AspNetCore.SignalR.Client), connected over a WebSocket to the in-memory
/// server with a signed-in user's cookie, to either hub. Every message the server sends (any method of
/// <see cref="IRoomClient"/> or <see cref="ILobbyClient"/>) is kept in arrival order for <see cref="ExpectAsync"/>,
/// and every Event also by sequence for <see cref="EventAsync"/>. Tests that must send malformed frames use
/// <see cref="RawHubClient"/> instead.
/// </summary>
public sealed class RoomHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly Channel<(string Target, JsonElement Argument)> _inbox = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly TaskCompletionSource<JsonElement> _roomState = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RoomHub(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyCollection<JsonElement> Events => _events;

    /// <param name="origin">The Origin header of the WebSocket handshake, as a browser sends it; none when null.</param>
    /// <param name="cookieHeader">The browser's cookies from another node of a cluster (the same person moving over).</param>
    public static async Task<RoomHub> ConnectAsync(
        MockLoopApp app, HttpClient? signedIn, string query, string hubPath = "/hubs/interview", string? origin = null,
        bool skipNegotiation = true, Action<HubConnection>? beforeStart = null, string? cookieHeader = null)
    {
        var cookie = cookieHeader ?? (signedIn is not null && app.CookieHeaderFor(signedIn) is { Length: > 0 } header ? header : null);
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
            .Build()
            .WithMockLoopTimings();
        var hub = new RoomHub(connection);
        connection.On<JsonElement>("Event", e => hub._events.Enqueue(e));
        connection.On<JsonElement>("RoomState", s => hub._roomState.TrySetResult(s));
        foreach (var target in typeof(IRoomClient).GetMethods().Concat(typeof(ILobbyClient).GetMethods()).Select(m => m.Name).Distinct())
        {
            connection.On(target, [typeof(JsonElement)], arguments =>
                hub._inbox.Writer.WriteAsync((target, (JsonElement)arguments[0]!)).AsTask());
        }
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            hub._inbox.Writer.TryComplete();
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        beforeStart?.Invoke(connection);
        try
        {
            await connection.StartAsync();
        }
        catch (Exception failed) when (RefusalStatus(failed) is { } status)
        {
            await connection.DisposeAsync();
            // The client's exception carries the status only; the sentence the browser shows is the response body.
            using var http = app.CreateBrowserLikeClient();
            var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{hubPath}/negotiate?{query}&negotiateVersion=1");
            if (cookie is not null)
            {
                negotiate.Headers.Add("Cookie", cookie);
            }
            var response = await http.SendAsync(negotiate);
            throw new HubRefusedException(status, await response.Content.ReadAsStringAsync());
        }
        if (hubPath == "/hubs/interview")
        {
            // As the room does: StartAsync ends at the handshake, before the hub's OnConnectedAsync has put the
            // connection in the session's groups; RoomState comes after, so an event published later reaches it.
            // A connection the hub aborts instead (a seat lost in between) ends with Closed.
            await Task.WhenAny(hub._roomState.Task, closed.Task).WaitAsync(MockLoop.Web.Tests.Cluster.Until.GiveUpAfter);
        }
        return hub;
    }

    /// <summary>
    /// The HTTP status a hub refused the connection with: from negotiate, or (with no negotiate request) from the
    /// WebSocket handshake, which the test server's client reports in its message.
    /// </summary>
    private static HttpStatusCode? RefusalStatus(Exception failed) => failed switch
    {
        HttpRequestException { StatusCode: { } status } => status,
        InvalidOperationException handshake when System.Text.RegularExpressions.Regex.Match(handshake.Message, @"status code: (\d{3})") is { Success: true } m
            => (HttpStatusCode)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Invokes a hub method and returns its result as JSON (null when it has none); a hub error is thrown as <see cref="HubCallException"/>.</summary>
    public async Task<JsonNode?> CallAsync(string method, params object?[] arguments)
    {
        try
        {
            var result = (JsonElement?)await Connection.InvokeCoreAsync(method, typeof(JsonElement?), arguments);
            return result is { } json ? JsonNode.Parse(json.GetRawText()) : null;
        }
        catch (HubException error)
        {
            throw new HubCallException(error.Message);
        }
    }

    /// <summary>
    /// Waits for the next message from the server to <paramref name="target"/> and returns its argument; messages to
    /// other targets that arrive first are passed over.
    /// </summary>
    public async Task<JsonNode> ExpectAsync(string target, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? MockLoop.Web.Tests.Cluster.Until.GiveUpAfter);
        try
        {
            while (true)
            {
                var (received, argument) = await _inbox.Reader.ReadAsync(cts.Token);
                if (string.Equals(received, target, StringComparison.OrdinalIgnoreCase))
                {
                    return JsonNode.Parse(argument.GetRawText())!;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{target}' from the server in time.");
        }
    }

    /// <summary>Connected and in the session's groups: the server sends RoomState after adding the connection to them.</summary>
    public Task<JsonElement> RoomStateAsync() => _roomState.Task.WaitAsync(MockLoop.Web.Tests.Cluster.Until.GiveUpAfter);

    public Task<CommandResult> CommandAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<CommandResult>(method, args);

    public Task<JsonElement> SyncAsync(long lastSeq) => Connection.InvokeAsync<JsonElement>("Sync", lastSeq);

    /// <summary>
    /// Waits (bounded) until an Event with this sequence has arrived. The bound is the suite's generous one: an entry
    /// written by a session that came back elsewhere reaches a node when it subscribes again, which takes seconds.
    /// </summary>
    public async Task<JsonElement> EventAsync(long seq)
    {
        var deadline = DateTime.UtcNow + MockLoop.Web.Tests.Cluster.Until.GiveUpAfter;
        while (DateTime.UtcNow < deadline)
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

public sealed class HubCallException(string message) : Exception(message);

public sealed class HubRefusedException(HttpStatusCode status, string message)
    : Exception($"{(int)status}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string Reason { get; } = message;
}

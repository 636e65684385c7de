using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// Speaks the JSON hub protocol by hand over a WebSocket to the in-memory server, for the tests that must send what
/// no real client sends: malformed or oversized frames, arguments of the wrong shape, raw JSON escapes. Everything
/// else talks to the hubs through <see cref="RoomHub"/>, the real .NET SignalR client. Frames end with 0x1E.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket _socket;
    private readonly Channel<JsonObject> _inbox = Channel.CreateUnbounded<JsonObject>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _calls = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _invocationId;

    private RawHubClient(WebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public static async Task<RawHubClient> ConnectAsync(MockLoopApp app, HttpClient signedIn, string query, string hubPath = "/hubs/interview")
    {
        var negotiate = await signedIn.PostAsync($"{hubPath}/negotiate?{query}&negotiateVersion=1", null);
        if (negotiate.StatusCode != HttpStatusCode.OK)
        {
            throw new HubRefusedException(negotiate.StatusCode, await negotiate.Content.ReadAsStringAsync());
        }
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();

        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = request =>
        {
            var cookieHeader = app.CookieHeaderFor(signedIn);
            if (!string.IsNullOrEmpty(cookieHeader))
            {
                request.Headers.Cookie = cookieHeader;
            }
        };
        var socket = await ws.ConnectAsync(new Uri(app.Server.BaseAddress, $"{hubPath.TrimStart('/')}?{query}&id={token}"), CancellationToken.None);
        var client = new RawHubClient(socket);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await client.NextAsync(TimeSpan.FromSeconds(10), any: true);
        if (handshake.ContainsKey("error"))
        {
            throw new InvalidOperationException("Handshake refused: " + handshake["error"]);
        }
        return client;
    }

    public Task InvokeAsync(string target, params object?[] arguments) =>
        SendRawAsync(JsonSerializer.Serialize(new
        {
            type = 1,
            invocationId = Interlocked.Increment(ref _invocationId).ToString(),
            target,
            arguments,
        }, JsonSerializerOptions.Web));

    /// <summary>Invokes a hub method and waits for its completion; a server-side error is thrown as <see cref="HubCallException"/>.</summary>
    public async Task<JsonNode?> CallAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _invocationId).ToString();
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = completion;
        await SendRawAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }, JsonSerializerOptions.Web));
        var message = await completion.Task.WaitAsync(TimeSpan.FromSeconds(15));
        if (message["error"] is { } error)
        {
            throw new HubCallException(error.GetValue<string>());
        }
        return message["result"];
    }

    /// <summary>
    /// Invokes a hub method with its arguments written as raw JSON (e.g. a lone surrogate escape, which no
    /// serializer writes) and returns the completion's result.
    /// </summary>
    public async Task<JsonNode?> CallRawAsync(string target, string argumentsJson)
    {
        var id = Interlocked.Increment(ref _invocationId).ToString();
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = completion;
        await SendRawAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":{argumentsJson}}}");
        var message = await completion.Task.WaitAsync(TimeSpan.FromSeconds(15));
        if (message["error"] is { } error)
        {
            throw new HubCallException(error.GetValue<string>());
        }
        return message["result"];
    }

    /// <summary>Sends raw JSON text as one hub protocol frame (to test malformed input).</summary>
    public Task SendFrameAsync(string json) => SendRawAsync(json);

    /// <summary>Waits for the next invocation of <paramref name="target"/> from the server and returns its first argument.</summary>
    public async Task<JsonNode> ExpectAsync(string target, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No '{target}' from the server in time.");
            }
            var message = await NextAsync(remaining);
            if (message["type"]?.GetValue<int>() == 1 && string.Equals(message["target"]?.GetValue<string>(), target, StringComparison.OrdinalIgnoreCase))
            {
                return message["arguments"]![0]!;
            }
        }
    }

    /// <summary>Waits for the server to close the connection (type 7) or drop the socket.</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan timeout)
    {
        try
        {
            while (true)
            {
                var message = await NextAsync(timeout);
                if (message["type"]?.GetValue<int>() == 7)
                {
                    return true;
                }
            }
        }
        catch (ChannelClosedException)
        {
            return true;
        }
    }

    private async Task<JsonObject> NextAsync(TimeSpan timeout, bool any = false)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var message = await _inbox.Reader.ReadAsync(cts.Token);
            // Pings (type 6) are keep-alives, never what a test waits for.
            if (any || message["type"]?.GetValue<int>() != 6)
            {
                return message;
            }
        }
    }

    private async Task SendRawAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                var text = pending.ToString();
                var last = text.LastIndexOf(RecordSeparator);
                if (last < 0)
                {
                    continue;
                }
                foreach (var frame in text[..last].Split(RecordSeparator))
                {
                    if (JsonNode.Parse(frame) is not JsonObject obj)
                    {
                        continue;
                    }
                    if (obj["type"]?.GetValue<int>() == 3 && obj["invocationId"]?.GetValue<string>() is { } id
                        && _calls.TryRemove(id, out var call))
                    {
                        call.TrySetResult(obj);
                    }
                    else
                    {
                        await _inbox.Writer.WriteAsync(obj);
                    }
                }
                pending.Clear().Append(text[(last + 1)..]);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The socket went away (closed by us or by the server): the inbox completes below.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already closed from the other side.
        }
        _stop.Cancel();
        await _reader;
        _socket.Dispose();
        _stop.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// A TCP load balancer in plain round robin, as nginx's default upstream does it: each new connection goes to the
/// next node, and a node that refuses the connection is skipped for the one after it. No affinity of any kind, so a
/// client that needs two requests to reach the same node finds out here.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Uri> _routed = [];
    private readonly Task _accepting;
    private int _next;

    public RoundRobinProxy(IReadOnlyList<Uri> nodes)
    {
        _nodes = nodes;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>Where each connection went, in order.</summary>
    public IReadOnlyList<Uri> Routed
    {
        get { lock (_routed) { return [.. _routed]; } }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            var first = Interlocked.Increment(ref _next) - 1;
            for (var attempt = 0; attempt < _nodes.Count; attempt++)
            {
                var node = _nodes[(first + attempt) % _nodes.Count];
                using var upstream = new TcpClient();
                try
                {
                    await upstream.ConnectAsync(node.Host, node.Port, _stop.Token);
                }
                catch (SocketException)
                {
                    continue; // down: the next node takes it
                }
                lock (_routed)
                {
                    _routed.Add(node);
                }
                var down = client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token);
                var up = upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                try
                {
                    await Task.WhenAny(down, up);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                {
                    // either end closed
                }
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

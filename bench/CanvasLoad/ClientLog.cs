using Microsoft.Extensions.Logging;

namespace CanvasLoad;

/// <summary>The SignalR clients' own warnings and errors in a round: counted, the first few kept as samples.</summary>
internal sealed class ClientLog : ILoggerProvider, ILogger
{
    private readonly Lock gate = new();
    private readonly HashSet<string> samples = [];

    public int Warnings { get; private set; }
    public int Errors { get; private set; }

    public IReadOnlyCollection<string> Samples
    {
        get
        {
            lock (gate)
            {
                return [.. samples];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        lock (gate)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors++;
            }
            else
            {
                Warnings++;
            }
            if (samples.Count < 5)
            {
                var message = formatter(state, exception);
                samples.Add(message.Length > 200 ? message[..200] : message);
            }
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// How late this process's timers run (a 10 ms delay, measured over and over): the load generator's own lag, which
/// every latency it measures includes. Node's event-loop delay was the same figure for the old generator.
/// </summary>
internal sealed class TimerLag : IAsyncDisposable
{
    private readonly List<double> lags = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public TimerLag() => loop = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var before = Clock.Now;
            await Task.Delay(10, CancellationToken.None);
            lags.Add(Math.Max(0, Clock.Now - before - 10));
        }
    });

    public async Task<LatencySummary> StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        return LatencySummary.Of(lags);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}

internal sealed record LatencySummary(int Count, double? P50Ms, double? P99Ms, double? MaxMs)
{
    public static LatencySummary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double? At(double p) => sorted.Length == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new LatencySummary(sorted.Length, At(50), At(99), sorted.Length == 0 ? null : Math.Round(sorted[^1], 1));
    }
}

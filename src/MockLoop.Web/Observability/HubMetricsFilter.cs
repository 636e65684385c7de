using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Observability;

/// <summary>Counts connections and invocations of every hub, and times each invocation, without touching the hubs.</summary>
internal sealed class HubMetricsFilter : IHubFilter
{
    private static readonly object CountedKey = new();

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { { "hub", invocation.Hub.GetType().Name }, { "kind", invocation.HubMethodName } };
        try
        {
            return await next(invocation);
        }
        finally
        {
            NodeMetrics.Commands.Add(1, tags);
            NodeMetrics.AckLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        NodeMetrics.HubConnections.Add(1, new KeyValuePair<string, object?>("hub", context.Hub.GetType().Name));
        // Only a connection that was counted is uncounted: a refused one (OnConnected threw) still disconnects.
        context.Context.Items[CountedKey] = true;
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(CountedKey))
            {
                NodeMetrics.HubConnections.Add(-1, new KeyValuePair<string, object?>("hub", context.Hub.GetType().Name));
            }
        }
    }
}

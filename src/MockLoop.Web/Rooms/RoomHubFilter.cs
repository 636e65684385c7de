using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rooms;

/// <summary>
/// What every call of the interview hub shares, done once: the connection's rate limit (the method's
/// <see cref="LimitedAttribute"/>), and database trouble turned into the retryable <c>unavailable</c>. Each answer
/// comes in the shape the method returns: a refused <see cref="CommandResult"/> or <see cref="CallResult"/>, a hub
/// error starting with the code for reads, and nothing for volatile relays (the next one supersedes a dropped one).
/// </summary>
public sealed class RoomHubFilter(ConnectionRateLimits limits, ILogger<RoomHubFilter> logger) : IHubFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, Policy> Policies = new();

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var policy = Policies.GetOrAdd(invocation.HubMethod, Policy.For);
        if (policy.Kind is { } kind && !limits.TryTake(invocation.Context, kind))
        {
            return policy.Refuse(CommandCodes.RateLimited, "too many requests at once; slow down and try again.");
        }
        try
        {
            return await next(invocation);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // Nothing was applied (an acknowledgement comes only after the commit): the client sends it again.
            logger.LogWarning(ex.InnerException ?? ex, "{Method} met an unavailable database; answered unavailable", invocation.HubMethodName);
            return policy.Refuse(CommandCodes.Unavailable, "the database is unavailable; this will be retried as soon as it is back.");
        }
    }

    private sealed record Policy(RateKind? Kind, Type Answer)
    {
        public static Policy For(MethodInfo method)
        {
            var answer = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(void);
            return new Policy(method.GetCustomAttribute<LimitedAttribute>()?.Kind, answer);
        }

        public object? Refuse(string code, string reason)
        {
            if (Answer == typeof(CommandResult))
            {
                return code == CommandCodes.RateLimited ? CommandResult.RateLimited() : CommandResult.Unavailable();
            }
            if (Answer == typeof(CallResult))
            {
                return CallResult.Refused(code, "Call message not sent: " + reason);
            }
            if (Answer == typeof(void))
            {
                return null;
            }
            throw new HubException($"{code}: {reason}");
        }
    }
}

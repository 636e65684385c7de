using System.Collections.Concurrent;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// The writers of the session grains active in a test app's silo, seen as calls reach them: tests that compare what
/// a grain holds in memory with what a load from the log gives. Registered as a grain call filter; changes nothing.
/// </summary>
public sealed class SessionGrainWriters : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<Guid, SessionGrain> _grains = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is SessionGrain grain)
        {
            _grains[grain.GetPrimaryKey()] = grain;
        }
        await context.Invoke();
    }

    public SessionWriter Of(Guid sessionId) =>
        _grains.TryGetValue(sessionId, out var grain) && grain.Writer is { } writer
            ? writer
            : throw new InvalidOperationException($"No active grain with a writer for session {sessionId}.");
}

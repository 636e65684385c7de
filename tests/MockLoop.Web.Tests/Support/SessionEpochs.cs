using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Tests.Support;

/// <summary>Takes a session's next writer epoch (ADR 160), for tests that write to its log through the group commit.</summary>
public static class SessionEpochs
{
    public static async Task<long> TakeAsync(MockLoopApp app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await SessionWriterEpochs.TakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), sessionId, default)
            ?? throw new InvalidOperationException($"No session {sessionId}.");
    }
}

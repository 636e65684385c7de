namespace MockLoop.Web.Schedule.Jobs;

/// <summary>
/// Runs what is due once: claim, hand each job to <see cref="ScheduleJobHandlers"/> in a scope of its own, record the
/// result. The background worker calls this on a timer; tests call it after moving the clock.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, ILogger<JobRunner> logger)
{
    /// <summary>This process's name in the lease column: host and process id, unique enough across nodes.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <returns>How many jobs this call ran (successfully or not).</returns>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var ran = 0;
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<ClaimedJob> jobs;
            await using (var scope = scopes.CreateAsyncScope())
            {
                jobs = await scope.ServiceProvider.GetRequiredService<JobQueue>().ClaimDueAsync(Node, 20, ct);
            }
            if (jobs.Count == 0)
            {
                return ran;
            }
            foreach (var job in jobs)
            {
                await RunOneAsync(job, ct);
                ran++;
            }
        }
        return ran;
    }

    private async Task RunOneAsync(ClaimedJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ScheduleJobHandlers>().HandleAsync(job, ct);
            await queue.CompleteAsync(job, Node, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Job {Kind} {Key} failed (attempt {Attempt})", job.Kind, job.Key, job.Attempts);
            await queue.FailAsync(job, Node, ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
        }
    }
}

using Microsoft.Extensions.Options;

namespace MockLoop.Web.Schedule.Jobs;

public sealed class ScheduleWorkerOptions
{
    public const string Section = "Schedule:Worker";

    /// <summary>Off in integration tests that drive <see cref="JobRunner"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Every node runs one: it polls the job table; SKIP LOCKED keeps nodes from running a job twice.</summary>
internal sealed class ScheduleWorker(JobRunner runner, IOptions<ScheduleWorkerOptions> options, TimeProvider clock, ILogger<ScheduleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the jobs wait in their table.
                logger.LogWarning(ex, "The schedule worker could not run due jobs");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule;
using MockLoop.Web.Schedule.Jobs;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Schedule;

public sealed class JobQueueTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    [Fact]
    public async Task Several_nodes_running_due_jobs_at_once_run_each_job_exactly_once()
    {
        // Twenty lonely bookings whose cut-off passes: the cut-off makes each one "no partner" mail.
        var people = new List<ScheduleApp.Person>();
        var slot = app.SlotIn(4);
        for (var i = 0; i < 20; i++)
        {
            var person = await app.PersonAsync($"Solo{i}");
            await app.BookAsync(person, slot, "Candidate");
            people.Add(person);
        }
        app.ManualClock.Advance(slot - TimeSpan.FromHours(2) - app.ManualClock.GetUtcNow());

        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var nodes = Enumerable.Range(0, 4)
            .Select(i => new JobRunner(scopes, NullLogger<JobRunner>.Instance) { Node = $"node-{i}" })
            .ToList();
        var ran = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunDueAsync())));

        // The cut-off job itself, then the twenty mails it queued, each claimed by one node once.
        Assert.True(ran.Sum() >= 21);
        var bookingIds = new List<Guid>();
        foreach (var person in people)
        {
            bookingIds.Add((await app.BookingsOfAsync(person.Id)).Single().Id);
        }
        var mailJobs = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ScheduleJob>().AsNoTracking()
            .Where(j => j.Kind == JobKinds.Unmatched && bookingIds.Contains(j.Subject!.Value)).ToListAsync());
        Assert.Equal(20, mailJobs.Count);
        Assert.All(mailJobs, j => { Assert.NotNull(j.DoneAt); Assert.Equal(1, j.Attempts); });
        foreach (var person in people)
        {
            var mails = (await TestMailServer.MessagesToAsync(person.Email)).Where(m => (m.Subject ?? "").StartsWith("No partner", StringComparison.Ordinal)).ToList();
            Assert.Single(mails);
        }
        var cutOff = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ScheduleJob>().AsNoTracking()
            .SingleAsync(j => j.Kind == JobKinds.CutOff && j.Key == BookingService.CutOffKey(slot)));
        Assert.NotNull(cutOff.DoneAt);
        Assert.Equal(1, cutOff.Attempts);
    }

    [Fact]
    public async Task A_failing_job_is_retried_later_and_a_job_is_enqueued_once_per_key()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = app.ManualClock.GetUtcNow();
        Assert.True(await queue.EnqueueAsync("no-such-kind", "k1", null, now));
        Assert.False(await queue.EnqueueAsync("no-such-kind", "k1", null, now));

        await app.RunDueJobsAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Set<ScheduleJob>().AsNoTracking().SingleAsync(j => j.Kind == "no-such-kind");
        Assert.Null(job.DoneAt);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("Unknown job kind", job.LastError);
        Assert.True(job.LeasedUntil > now);

        // Not retried before its back-off, retried after.
        Assert.Equal(0, await app.RunDueJobsAsync());
        app.ManualClock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(1, await app.RunDueJobsAsync());
    }
}

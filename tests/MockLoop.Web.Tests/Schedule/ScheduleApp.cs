using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Schedule;
using MockLoop.Web.Schedule.Jobs;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Schedule;

/// <summary>The app on a manual clock that starts at a fixed future moment (cookies stay valid), with schedule helpers.</summary>
public sealed class ScheduleApp : MockLoopApp
{
    public static readonly DateTimeOffset Start = new(2027, 3, 20, 8, 20, 0, TimeSpan.Zero);

    public ScheduleApp()
    {
        Clock = ManualClock;
    }

    public ManualClock ManualClock { get; } = new(Start);

    public sealed record Person(HttpClient Client, string Email, Guid Id, string Name);

    public async Task<Person> PersonAsync(string name)
    {
        var client = CreateBrowserLikeClient();
        var email = $"{name.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..12]}@example.test";
        var id = await TestUsers.CreateConfirmedAsync(Services, email, name);
        var response = await FormPosts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Person(client, email, id, name);
    }

    public async Task<string> RubricKeyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IRubricCatalog>();
        var rubric = (await catalog.ChoicesForAsync(Guid.NewGuid())).First(c => !c.IsCustom);
        return $"{rubric.Id}@{rubric.Version}";
    }

    public static string SlotText(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts the booking form as a browser does; returns the redirect target.</summary>
    public async Task<string> BookAsync(Person who, DateTimeOffset slot, string role, string level = "Senior", string caseId = "",
        bool withSomeone = false, bool preferHelpful = false)
    {
        var slotText = SlotText(slot);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("slot", slotText), new("role", role), new("level", level), new("rubric", await RubricKeyAsync()), new("case", caseId),
        };
        if (withSomeone) fields.Add(new("withSomeone", "true"));
        if (preferHelpful) fields.Add(new("preferHelpful", "true"));
        var response = await FormPosts.PostFormAsync(who.Client, $"/schedule/book?slot={Uri.EscapeDataString(slotText)}", "/schedule/book", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return FormPosts.RedirectPath(response);
    }

    public async Task<List<Booking>> BookingsOfAsync(Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == userId).OrderBy(b => b.BookedAt).ToListAsync();
    }

    /// <summary>Runs every job due at the manual clock's now, as the background worker would.</summary>
    public Task<int> RunDueJobsAsync() => Services.GetRequiredService<JobRunner>().RunDueAsync();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A whole hour at least <paramref name="hoursAhead"/> hours after the clock's now.</summary>
    public DateTimeOffset SlotIn(int hoursAhead)
    {
        var now = ManualClock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return hour.AddHours(hoursAhead + 1);
    }
}

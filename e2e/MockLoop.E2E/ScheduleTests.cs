using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MockLoop.E2E.Support;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E;

public sealed class ScheduleTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private static Task<string> RegisterAsync(IPage page, string name) => People.RegisterAsync(page, name);

    private static async Task BookAsync(IPage page, DateTimeOffset slot, string role)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule", Exact = true }).First.ClickAsync();
        // The page learns the browser's time zone on the first visit and reloads in it.
        await page.GetByText(new Regex("Times in (Europe/Berlin|America/New_York)")).WaitForAsync();
        var slotText = Uri.EscapeDataString(slot.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"a.slot[href$='{slotText}']").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + role) }).CheckAsync();
        await page.GetByLabel("Target level").SelectOptionAsync("Senior");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this slot" }).ClickAsync();
    }

    [Fact]
    public async Task Two_people_book_the_same_slot_are_matched_get_the_invite_and_meet_in_the_room_at_the_time()
    {
        var ada = await fixture.NewPersonAsync("Europe/Berlin");
        var ben = await fixture.NewPersonAsync("America/New_York");
        var adaEmail = await RegisterAsync(ada, "Ada Scheduler");
        var benEmail = await RegisterAsync(ben, "Ben Scheduler");

        // A slot a day ahead, on the UTC hour grid both see in their own zone.
        var now = DateTimeOffset.UtcNow;
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(25);

        await BookAsync(ada, slot, "Interviewer");
        await ada.GetByRole(AriaRole.Status).Filter(new() { HasText = "We are looking for a partner" }).WaitForAsync();
        await BookAsync(ben, slot, "Candidate");
        await ben.GetByRole(AriaRole.Status).Filter(new() { HasText = "Matched!" }).WaitForAsync();
        await ben.GetByText("You are the candidate with Ada Scheduler").WaitForAsync();
        var berlinTime = TimeZoneInfo.ConvertTime(slot, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("HH:mm");
        await ada.ReloadAsync();
        await ada.GetByText("You are the interviewer with Ben Scheduler").WaitForAsync();
        await ada.Locator(".upcoming-when").GetByText(berlinTime).WaitForAsync();

        // The confirmation with the calendar invite reaches both through the real SMTP server.
        var mail = await TestMailServer.WaitForAsync(benEmail, "Matched: mock interview", TimeSpan.FromSeconds(30));
        var ics = TestMailServer.Invite(mail);
        Assert.NotNull(ics);
        Assert.Contains($"DTSTART:{slot.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics);
        var room = Regex.Match(mail.TextBody ?? "", @"http://127\.0\.0\.1:\d+/s/[0-9a-f-]{36}").Value;
        Assert.NotEmpty(room);
        await TestMailServer.WaitForAsync(adaEmail, "Matched: mock interview", TimeSpan.FromSeconds(30));

        // An hour before: the reminder. Then the room opens ten minutes early, not before.
        await fixture.AdvanceClockAsync(slot.AddMinutes(-60) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5));
        await TestMailServer.WaitForAsync(adaEmail, "Reminder: mock interview", TimeSpan.FromSeconds(30));
        await ben.GotoAsync(room);
        await ben.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("The room opens at") }).WaitForAsync();

        var appNow = await fixture.AdvanceClockAsync(TimeSpan.FromMinutes(53));
        Assert.True(appNow >= slot.AddMinutes(-10) && appNow < slot, $"app clock at {appNow:O}");
        await ada.GotoAsync("/");
        await ada.GetByRole(AriaRole.Link, new() { Name = "Open the room" }).ClickAsync();
        await ben.GotoAsync(room);
        Assert.Equal(ada.Url, ben.Url);
        await People.WaitConnectedAsync(ada);
        await People.WaitConnectedAsync(ben);
        await ben.GetByRole(AriaRole.Listitem, new() { Name = "Ada Scheduler, interviewer, online" }).WaitForAsync();
        await ada.GetByRole(AriaRole.Listitem, new() { Name = "Ben Scheduler, candidate, online" }).WaitForAsync();

        await ada.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}

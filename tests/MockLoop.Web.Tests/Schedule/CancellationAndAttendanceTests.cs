using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Schedule;

public sealed class CancellationAndAttendanceTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    private async Task<(ScheduleApp.Person Interviewer, ScheduleApp.Person Candidate, Guid Session, DateTimeOffset Slot)> MatchedPairAsync(int hoursAhead)
    {
        var interviewer = await app.PersonAsync("Ivan");
        var candidate = await app.PersonAsync("Cleo");
        var slot = app.SlotIn(hoursAhead);
        await app.BookAsync(interviewer, slot, "Interviewer");
        await app.BookAsync(candidate, slot, "Candidate");
        var session = (await app.BookingsOfAsync(candidate.Id)).Single().SessionId!.Value;
        return (interviewer, candidate, session, slot);
    }

    private void AdvanceTo(DateTimeOffset moment) => app.ManualClock.Advance(moment - app.ManualClock.GetUtcNow());

    private static Task<HttpResponseMessage> CancelAsync(ScheduleApp.Person who, Guid booking) =>
        FormPosts.PostFormAsync(who.Client, "/schedule", $"/schedule/bookings/{booking}/cancel", []);

    [Fact]
    public async Task Cancelling_tells_the_partner_with_a_calendar_cancellation_and_puts_them_back_in_the_pool()
    {
        var (interviewer, candidate, session, slot) = await MatchedPairAsync(72);
        var mine = (await app.BookingsOfAsync(candidate.Id)).Single();

        Assert.Equal("/schedule?done=cancelled", FormPosts.RedirectPath(await CancelAsync(candidate, mine.Id)));

        Assert.Equal(BookingStatus.Cancelled, (await app.BookingsOfAsync(candidate.Id)).Single().Status);
        Assert.Null((await app.BookingsOfAsync(candidate.Id)).Single().Outcome); // three days ahead: not late
        var partner = (await app.BookingsOfAsync(interviewer.Id)).Single();
        Assert.Equal(BookingStatus.Open, partner.Status);
        Assert.Null(partner.SessionId);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Sessions.AnyAsync(s => s.Id == session)));

        await app.RunDueJobsAsync();
        var mail = await TestMailServer.WaitForAsync(interviewer.Email, "Cancelled: mock interview");
        Assert.Contains("Cleo cancelled", mail.TextBody);
        var ics = TestMailServer.Invite(mail);
        Assert.Contains("METHOD:CANCEL", ics);
        Assert.Contains(MockLoop.Web.Schedule.Mail.CalendarInvite.Uid(session), ics!.Replace("\r\n ", ""));

        // Someone new in the slot is matched with the interviewer who stayed.
        var newcomer = await app.PersonAsync("Nia");
        Assert.StartsWith("/schedule?done=matched", await app.BookAsync(newcomer, slot, "Candidate"));
        Assert.Equal(BookingStatus.Matched, (await app.BookingsOfAsync(interviewer.Id)).Single().Status);
    }

    [Fact]
    public async Task Cancelling_within_two_hours_of_the_start_is_refused_and_within_a_day_counts_as_late()
    {
        var (_, candidate, _, slot) = await MatchedPairAsync(30);
        var booking = (await app.BookingsOfAsync(candidate.Id)).Single();
        AdvanceTo(slot.AddMinutes(-119));
        var refused = await CancelAsync(candidate, booking.Id);
        Assert.Contains("error=", FormPosts.RedirectPath(refused));
        Assert.Equal(BookingStatus.Matched, (await app.BookingsOfAsync(candidate.Id)).Single().Status);

        var (_, other, _, slot2) = await MatchedPairAsync(5);
        AdvanceTo(slot2.AddHours(-3));
        await CancelAsync(other, (await app.BookingsOfAsync(other.Id)).Single().Id);
        Assert.Equal(BookingOutcome.LateCancel, (await app.BookingsOfAsync(other.Id)).Single().Outcome);
    }

    [Fact]
    public async Task The_reminder_goes_out_one_hour_before()
    {
        var (interviewer, candidate, _, slot) = await MatchedPairAsync(20);
        AdvanceTo(slot.AddMinutes(-61));
        await app.RunDueJobsAsync();
        Assert.DoesNotContain(await TestMailServer.MessagesToAsync(candidate.Email), m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));

        AdvanceTo(slot.AddMinutes(-60));
        await app.RunDueJobsAsync();
        var reminder = await TestMailServer.WaitForAsync(candidate.Email, "Reminder: mock interview");
        Assert.Contains("Ivan", reminder.TextBody);
        Assert.NotNull(TestMailServer.Invite(reminder));
        await TestMailServer.WaitForAsync(interviewer.Email, "Reminder: mock interview");
    }

    [Fact]
    public async Task The_room_opens_ten_minutes_early_and_after_ten_minutes_the_one_who_came_can_end_the_wait()
    {
        var (interviewer, candidate, session, slot) = await MatchedPairAsync(15);
        AdvanceTo(slot.AddMinutes(-11));
        var closed = await candidate.Client.GetStringAsync($"/s/{session}");
        Assert.Contains("The room opens at", closed);
        Assert.False(RoomMarkup.HasLiveRoom(closed));
        var hub = await candidate.Client.PostAsync($"/hubs/interview/negotiate?session={session}&negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);

        app.ManualClock.Advance(TimeSpan.FromMinutes(1));
        var open = await candidate.Client.GetStringAsync($"/s/{session}");
        Assert.True(RoomMarkup.HasLiveRoom(open));
        Assert.Contains("Your partner has not opened the room yet", open);

        AdvanceTo(slot.AddMinutes(9));
        var early = await FormPosts.PostFormAsync(candidate.Client, $"/s/{session}", $"/s/{session}/end-wait", [new("next", "lobby")]);
        Assert.Contains("wait=", FormPosts.RedirectPath(early));

        AdvanceTo(slot.AddMinutes(10));
        var ended = await FormPosts.PostFormAsync(candidate.Client, $"/s/{session}", $"/s/{session}/end-wait", [new("next", "lobby")]);
        Assert.Equal("/lobby?priority=1", FormPosts.RedirectPath(ended));
        Assert.Equal(BookingOutcome.NoShow, (await app.BookingsOfAsync(interviewer.Id)).Single().Outcome);
        Assert.Equal(BookingOutcome.Attended, (await app.BookingsOfAsync(candidate.Id)).Single().Outcome);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<LobbyPriority>().HasAsync(candidate.Id)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<LobbyPriority>().HasAsync(interviewer.Id)));

        // The reliability shown to future partners counts it.
        var reliability = await app.InScopeAsync(sp => sp.GetRequiredService<MatchContextReader>().ReliabilityOfAsync(interviewer.Id));
        Assert.Equal("came to 0 of 1 booked session", reliability.Describe());

        // And the two are never paired again while that was their last session together.
        var again = app.SlotIn(30);
        await app.BookAsync(interviewer, again, "Interviewer");
        await app.BookAsync(candidate, again, "Candidate");
        Assert.Equal(BookingStatus.Open, (await app.BookingsOfAsync(candidate.Id)).Single(b => b.SlotStart == again).Status);
    }

    [Fact]
    public async Task Nobody_coming_is_recorded_as_no_shows_by_the_durable_check()
    {
        var (interviewer, candidate, _, slot) = await MatchedPairAsync(12);
        AdvanceTo(slot.AddMinutes(-5));
        await candidate.Client.GetStringAsync("/schedule"); // not the room: does not count as coming
        AdvanceTo(slot.AddMinutes(21));
        await app.RunDueJobsAsync();
        Assert.Equal(BookingOutcome.NoShow, (await app.BookingsOfAsync(interviewer.Id)).Single().Outcome);
        Assert.Equal(BookingOutcome.NoShow, (await app.BookingsOfAsync(candidate.Id)).Single().Outcome);
    }

    [Fact]
    public async Task Ratings_are_private_and_an_interviewers_average_usefulness_shows_after_three()
    {
        var interviewer = await app.PersonAsync("Uma");
        for (var i = 0; i < 3; i++)
        {
            var candidate = await app.PersonAsync($"Cand{i}");
            var slot = app.SlotIn(3);
            await app.BookAsync(interviewer, slot, "Interviewer");
            await app.BookAsync(candidate, slot, "Candidate");
            var session = (await app.BookingsOfAsync(candidate.Id)).Single().SessionId!.Value;
            AdvanceTo(slot.AddMinutes(-5));
            await interviewer.Client.GetStringAsync($"/s/{session}");
            await candidate.Client.GetStringAsync($"/s/{session}");
            AdvanceTo(slot.AddMinutes(70));

            Assert.Contains("Rate your last sessions", await candidate.Client.GetStringAsync("/schedule"));
            var bad = await FormPosts.PostFormAsync(candidate.Client, "/schedule", $"/schedule/sessions/{session}/rate", [new("usefulness", "9")]);
            Assert.Contains("error=", FormPosts.RedirectPath(bad));
            var rated = await FormPosts.PostFormAsync(candidate.Client, "/schedule", $"/schedule/sessions/{session}/rate", [new("usefulness", i == 0 ? "4" : "5")]);
            Assert.Equal("/schedule?done=rated", FormPosts.RedirectPath(rated));
            var twice = await FormPosts.PostFormAsync(candidate.Client, "/schedule", $"/schedule/sessions/{session}/rate", [new("usefulness", "1")]);
            Assert.Contains("error=", FormPosts.RedirectPath(twice));
            var byInterviewer = await FormPosts.PostFormAsync(interviewer.Client, "/schedule", $"/schedule/sessions/{session}/rate",
                [new("onTime", "yes"), new("preparation", "3")]);
            Assert.Equal("/schedule?done=rated", FormPosts.RedirectPath(byInterviewer));

            var given = await interviewer.Client.GetStringAsync("/progress/given");
            if (i < 2)
            {
                Assert.Contains("Shown once 3 candidates have rated", given);
            }
            else
            {
                Assert.Contains("4.7", given);
            }
        }
    }

    [Fact]
    public async Task Three_no_shows_in_a_month_pause_booking()
    {
        var flaky = await app.PersonAsync("Flo");
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = app.ManualClock.GetUtcNow();
            for (var i = 1; i <= 3; i++)
            {
                db.Add(new Booking
                {
                    Id = Guid.NewGuid(), UserId = flaky.Id, SlotStart = now.AddDays(-i), BookedAt = now.AddDays(-i - 2),
                    RubricKey = "x@1", Status = BookingStatus.Matched, Outcome = BookingOutcome.NoShow, OutcomeAt = now.AddDays(-i),
                });
            }
            return await db.SaveChangesAsync();
        });
        var redirect = await app.BookAsync(flaky, app.SlotIn(30), "Candidate");
        Assert.Contains(Uri.EscapeDataString("Booking is paused"), redirect);
        Assert.Contains("Booking is paused until", await flaky.Client.GetStringAsync("/schedule"));
        Assert.Equal(3, (await app.BookingsOfAsync(flaky.Id)).Count);
    }
}

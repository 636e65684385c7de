using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Schedule;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Schedule;

public sealed class BookingAndMatchingTests(ScheduleApp app) : IClassFixture<ScheduleApp>
{
    [Fact]
    public async Task Two_people_booking_the_same_slot_with_compatible_roles_are_matched_at_once_and_mailed_the_invite()
    {
        var ada = await app.PersonAsync("Ada");
        var ben = await app.PersonAsync("Ben");
        var slot = app.SlotIn(30);

        Assert.StartsWith("/schedule?done=booked", await app.BookAsync(ada, slot, "Interviewer"));
        Assert.StartsWith("/schedule?done=matched", await app.BookAsync(ben, slot, "Candidate"));

        var adas = Assert.Single(await app.BookingsOfAsync(ada.Id));
        var bens = Assert.Single(await app.BookingsOfAsync(ben.Id));
        Assert.Equal(BookingStatus.Matched, adas.Status);
        Assert.Equal(adas.SessionId, bens.SessionId);
        var session = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == adas.SessionId));
        Assert.Equal(ada.Id, session.InterviewerId);
        Assert.Equal(ben.Id, session.CandidateId);
        Assert.Equal(slot, session.ScheduledFor);

        var schedule = await ben.Client.GetStringAsync("/schedule");
        Assert.Contains("Matched", schedule);
        Assert.Contains("Ada", schedule);
        Assert.Contains("came to 0 of 0", schedule.Replace("no scheduled sessions yet", "came to 0 of 0"));

        await app.RunDueJobsAsync();
        foreach (var person in new[] { ada, ben })
        {
            var mail = await TestMailServer.WaitForAsync(person.Email, "Matched: mock interview");
            var ics = TestMailServer.Invite(mail);
            Assert.NotNull(ics);
            Assert.Contains("METHOD:REQUEST", ics);
            Assert.Contains($"DTSTART:{slot.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics);
            Assert.Contains($"http://mockloop.test/s/{session.Id}", ics);
            Assert.Contains($"/s/{session.Id}", mail.TextBody);
        }
        // Run once: running again sends nothing more.
        await app.RunDueJobsAsync();
        Assert.Single(await TestMailServer.MessagesToAsync(ada.Email), m => (m.Subject ?? "").StartsWith("Matched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ics_download_is_only_for_the_two_participants()
    {
        var ada = await app.PersonAsync("Ada");
        var ben = await app.PersonAsync("Ben");
        var eve = await app.PersonAsync("Eve");
        var slot = app.SlotIn(40);
        await app.BookAsync(ada, slot, "Either");
        await app.BookAsync(ben, slot, "Either");
        var sessionId = (await app.BookingsOfAsync(ada.Id)).Single().SessionId!.Value;

        var file = await ben.Client.GetAsync($"/schedule/sessions/{sessionId}/invite.ics");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", await file.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Client.GetAsync($"/schedule/sessions/{sessionId}/invite.ics")).StatusCode);
    }

    [Fact]
    public async Task Two_candidates_are_not_matched_and_at_the_cut_off_both_are_told_and_offered_the_lobby()
    {
        var cat = await app.PersonAsync("Cat");
        var dan = await app.PersonAsync("Dan");
        var slot = app.SlotIn(5);
        await app.BookAsync(cat, slot, "Candidate");
        await app.BookAsync(dan, slot, "Candidate");
        Assert.All(await app.BookingsOfAsync(cat.Id), b => Assert.Equal(BookingStatus.Open, b.Status));
        // While waiting, the schedule says why (issue 20), not only "Looking for a partner".
        Assert.Contains("Others booked this slot, but for the same role", System.Net.WebUtility.HtmlDecode(await cat.Client.GetStringAsync("/schedule")));

        app.ManualClock.Advance(slot - TimeSpan.FromHours(2) - app.ManualClock.GetUtcNow());
        await app.RunDueJobsAsync();

        Assert.Equal(BookingStatus.Unmatched, (await app.BookingsOfAsync(cat.Id)).Single().Status);
        Assert.Equal(BookingStatus.Unmatched, (await app.BookingsOfAsync(dan.Id)).Single().Status);
        Assert.Contains("No partner was found for", await cat.Client.GetStringAsync("/schedule"));
        var mail = await TestMailServer.WaitForAsync(cat.Email, "No partner for");
        Assert.Contains("/lobby", mail.TextBody);
        Assert.Contains("/schedule", mail.TextBody);
    }

    [Fact]
    public async Task A_booking_inside_the_cut_off_off_the_grid_or_with_a_bad_role_is_refused_and_nothing_is_stored()
    {
        var fay = await app.PersonAsync("Fay");
        var soon = app.SlotIn(1);
        Assert.Contains("error=", await app.BookAsync(fay, soon, "Candidate"));
        Assert.Contains("error=", await app.BookAsync(fay, app.SlotIn(10).AddMinutes(30), "Candidate"));
        Assert.Contains("error=", await app.BookAsync(fay, app.SlotIn(10), "Referee"));
        Assert.Contains("error=", await app.BookAsync(fay, app.SlotIn(10), "Candidate", level: "Wizard"));
        Assert.Empty(await app.BookingsOfAsync(fay.Id));

        var page = await fay.Client.GetStringAsync($"/schedule/book?slot={Uri.EscapeDataString(ScheduleApp.SlotText(app.SlotIn(10)))}&error=Slots%20can%20be%20booked");
        Assert.Contains("Slots can be booked", page);
    }

    [Fact]
    public async Task A_friend_accepts_a_book_with_someone_link_and_strangers_are_never_matched_into_it()
    {
        var gus = await app.PersonAsync("Gus");
        var hal = await app.PersonAsync("Hal");
        var ivy = await app.PersonAsync("Ivy");
        var slot = app.SlotIn(50);
        Assert.StartsWith("/schedule?done=invite", await app.BookAsync(gus, slot, "Interviewer", withSomeone: true));
        await app.BookAsync(ivy, slot, "Candidate");
        var host = (await app.BookingsOfAsync(gus.Id)).Single();
        Assert.Equal(BookingStatus.Open, host.Status);
        Assert.NotNull(host.InviteCode);
        Assert.Contains($"/schedule/invite/{host.InviteCode}", await gus.Client.GetStringAsync("/schedule"));

        var invite = await hal.Client.GetStringAsync($"/schedule/invite/{host.InviteCode}");
        Assert.Contains("Practise with Gus", invite);
        var accept = await FormPosts.PostFormAsync(hal.Client, $"/schedule/invite/{host.InviteCode}", $"/schedule/invite/{host.InviteCode}/accept", []);
        Assert.Equal("/schedule?done=matched", FormPosts.RedirectPath(accept));

        var hals = (await app.BookingsOfAsync(hal.Id)).Single();
        Assert.Equal(BookingStatus.Matched, hals.Status);
        Assert.Equal(MockLoop.Core.Pairing.PairingRole.Candidate, hals.Role);
        Assert.Equal(hals.SessionId, (await app.BookingsOfAsync(gus.Id)).Single().SessionId);
        Assert.Equal(BookingStatus.Open, (await app.BookingsOfAsync(ivy.Id)).Single().Status);

        // Accepting twice, or one's own link, is refused.
        var again = await FormPosts.PostFormAsync(ivy.Client, $"/schedule/invite/{host.InviteCode}", $"/schedule/invite/{host.InviteCode}/accept", []);
        Assert.Contains("error=", FormPosts.RedirectPath(again));
    }

    [Fact]
    public async Task The_candidate_never_gets_a_case_they_have_already_done()
    {
        var jo = await app.PersonAsync("Jo");
        var kim = await app.PersonAsync("Kim");
        var lee = await app.PersonAsync("Lee");
        var cases = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<MockLoop.Web.Rubrics.IRubricCatalog>()
            .CasesFor(ScheduleAppRubric(sp)).Select(c => c.Id).ToList()));
        // Kim has done every case but the last one, as a candidate (with Lee, so Jo is no recent partner).
        await app.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<SessionService>();
            var rubric = ScheduleAppRubric(sp);
            foreach (var done in cases.SkipLast(1))
            {
                await sessions.CreatePairedAsync(lee.Id, kim.Id, new SessionSetup(rubric, 1, done));
            }
            return 0;
        });
        var slot = app.SlotIn(60);
        await app.BookAsync(jo, slot, "Interviewer", caseId: cases[0]);
        await app.BookAsync(kim, slot, "Candidate");
        var sessionId = (await app.BookingsOfAsync(kim.Id)).Single().SessionId;
        var chosen = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Sessions.Where(s => s.Id == sessionId).Select(s => s.CaseId).SingleAsync());
        Assert.Equal(cases[^1], chosen);

        // The interviewer can read it ahead from the schedule; the candidate is not offered it.
        Assert.Contains($"/cases/{chosen}", await jo.Client.GetStringAsync("/schedule"));
        Assert.DoesNotContain($"/cases/{chosen}", await kim.Client.GetStringAsync("/schedule"));
    }

    [Fact]
    public async Task The_candidate_never_gets_a_case_whose_interviewer_material_they_opened()
    {
        var mo = await app.PersonAsync("Mo");
        var ned = await app.PersonAsync("Ned");
        var cases = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<MockLoop.Web.Rubrics.IRubricCatalog>()
            .CasesFor(ScheduleAppRubric(sp)).Select(c => c.Id).ToList()));
        // Ned opened the interviewer material of every case but the last one (the case page's warning was accepted).
        await app.InScopeAsync(async sp =>
        {
            var material = sp.GetRequiredService<MockLoop.Web.Cases.CaseMaterialService>();
            foreach (var opened in cases.SkipLast(1))
            {
                await material.OpenAsync(ned.Id, opened);
            }
            return 0;
        });
        var slot = app.SlotIn(60);
        await app.BookAsync(mo, slot, "Interviewer", caseId: cases[0]);
        await app.BookAsync(ned, slot, "Candidate");
        var sessionId = (await app.BookingsOfAsync(ned.Id)).Single().SessionId;
        var chosen = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Sessions.Where(s => s.Id == sessionId).Select(s => s.CaseId).SingleAsync());
        Assert.Equal(cases[^1], chosen);
    }

    private static string ScheduleAppRubric(IServiceProvider sp) =>
        sp.GetRequiredService<MockLoop.Web.Rubrics.IRubricCatalog>().ChoicesForAsync(Guid.NewGuid()).GetAwaiter().GetResult().First(c => !c.IsCustom).Id;
}

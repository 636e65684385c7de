using Microsoft.Playwright;
using MockLoop.E2E.Support;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RoomTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_people_meet_through_an_invite_link_and_see_each_other_come_and_go()
    {
        var ivy = await browser.NewPersonAsync();
        await People.RegisterAsync(ivy, "Ivy Interviewer");
        await ivy.GetByRole(AriaRole.Link, new() { Name = "New interview" }).ClickAsync();
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var inviteUrl = await ivy.GetByLabel("Invite your partner with this link").InputValueAsync();
        Assert.Matches(@"/s/[0-9a-f-]{36}$", inviteUrl);

        var cal = await browser.NewPersonAsync();
        await cal.GotoAsync(inviteUrl);
        // Anonymous: sent to sign in, then on to create an account and back to the invite.
        Assert.Contains("/account/login", cal.Url);
        await cal.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        var email = $"cal.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        await cal.GetByLabel("Email").FillAsync(email);
        await cal.GetByLabel("Display name").FillAsync("Cal Candidate");
        await cal.GetByLabel("Password", new() { Exact = true }).FillAsync(People.Password);
        await cal.GetByLabel("Confirm password").FillAsync(People.Password);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await cal.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" }).WaitForAsync();
        // The confirmation link keeps where Cal was going: confirm, sign in, and on to the invite.
        var mail = await TestMailServer.WaitForAsync(email, "Confirm your MockLoop account");
        await cal.GotoAsync(TestMailServer.LinkIn(mail, "/account/confirm"));
        await cal.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await cal.GetByLabel("Email").FillAsync(email);
        await cal.GetByLabel("Password").FillAsync(People.Password);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Join as candidate" }).ClickAsync();
        await People.WaitConnectedAsync(cal);

        await cal.GetByRole(AriaRole.Listitem, new() { Name = "Ivy Interviewer, interviewer, online" }).WaitForAsync();
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Cal Candidate, candidate, online" }).WaitForAsync();

        await cal.Context.CloseAsync();
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Cal Candidate, candidate, offline" }).WaitForAsync();
        await ivy.Context.CloseAsync();
    }

    [Fact]
    public async Task A_third_person_opening_a_full_session_is_told_so()
    {
        var host = await browser.NewPersonAsync();
        await People.RegisterAsync(host, "Hana Host");
        await host.GotoAsync("/sessions/new");
        await host.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(host);
        var inviteUrl = await host.GetByLabel("Invite your partner with this link").InputValueAsync();

        var guest = await browser.NewPersonAsync();
        await People.RegisterAsync(guest, "Gus Guest");
        await guest.GotoAsync(inviteUrl);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Join as interviewer" }).ClickAsync();
        await People.WaitConnectedAsync(guest);

        var third = await browser.NewPersonAsync();
        await People.RegisterAsync(third, "Theo Third");
        await third.GotoAsync(inviteUrl);
        await third.GetByRole(AriaRole.Heading, new() { Name = "This interview is full" }).WaitForAsync();

        foreach (var page in new[] { host, guest, third })
        {
            await page.Context.CloseAsync();
        }
    }
}

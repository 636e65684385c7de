using Microsoft.Playwright;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E.Support;

/// <summary>What a person does through the pages, with role and label locators as a user sees them.</summary>
public static class People
{
    public const string Password = "practice42";

    /// <summary>
    /// Opens an account the whole way a person does: the form, the confirmation mail (read from the real smtp4dev),
    /// its link, then signing in. Returns the email.
    /// </summary>
    public static async Task<string> RegisterAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/account/register");
        var email = $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" }).WaitForAsync();

        var mail = await TestMailServer.WaitForAsync(email, "Confirm your MockLoop account");
        await page.GotoAsync(TestMailServer.LinkIn(mail, "/account/confirm"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in: the top bar holds the sign-out form (behind the Menu button on a narrow window, so not "visible").
        await page.Locator("form[action='/account/logout']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return email;
    }

    /// <summary>
    /// Two people queue in the lobby (interviewer first, then candidate) and land in the same room, connected.
    /// </summary>
    public static async Task PairThroughLobbyAsync(IPage interviewer, IPage candidate)
    {
        await interviewer.GotoAsync("/lobby");
        await WaitConnectedAsync(interviewer);
        await interviewer.GetByLabel("The interviewer").CheckAsync();
        await interviewer.GetByRole(AriaRole.Button, new() { Name = "Join the queue" }).ClickAsync();
        await interviewer.GetByRole(AriaRole.Heading, new() { Name = "Looking for a partner…" }).WaitForAsync();
        await MockLoop.E2E.BlazorRoom.BlazorRoomSteps.ScreenshotAsync(interviewer, "lobby-waiting");

        await candidate.GotoAsync("/lobby");
        await WaitConnectedAsync(candidate);
        await candidate.GetByLabel("The candidate").CheckAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Join the queue" }).ClickAsync();

        await UntilInTheRoomAsync(interviewer);
        await UntilInTheRoomAsync(candidate);
        Assert.Equal(interviewer.Url, candidate.Url);
        await WaitConnectedAsync(interviewer);
        await WaitConnectedAsync(candidate);
    }

    /// <summary>
    /// Waits until a matched lobby page has moved to the room: the address only (the room page's scripts load after,
    /// and WaitConnectedAsync waits for them). Failing, says what the lobby page showed.
    /// </summary>
    private static async Task UntilInTheRoomAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/s/[0-9a-f-]{36}$"),
                new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("h1, h2, [role=status], [role=alert]").AllInnerTextsAsync();
            throw new TimeoutException($"Still on {page.Url} after 60 s, showing: {string.Join(" | ", shown)}");
        }
    }

    /// <summary>
    /// Waits until the room's (or the lobby's) client says it is connected: nothing there is acted on before. A fresh
    /// profile's first page of either downloads and starts the WebAssembly runtime, which has taken over 30 s on a
    /// loaded 2-core machine (the room after the app's restart; the lobby took over 15 s): up to 90 s, and a failure
    /// says what the page showed instead.
    /// </summary>
    public static async Task WaitConnectedAsync(IPage page)
    {
        try
        {
            await page.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync(new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            var badge = page.Locator(".connection[role=status]");
            var shown = await badge.CountAsync() > 0
                ? await badge.First.GetAttributeAsync("aria-label")
                : "no connection badge at all (its WebAssembly had not rendered)";
            throw new TimeoutException($"The page {page.Url} never said it was connected in 90 s; it showed: {shown}");
        }
    }
}

using Microsoft.Playwright;
using MockLoop.E2E.Support;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>What a person does in the Blazor room, with role and label locators as they see them.</summary>
internal static class BlazorRoomSteps
{
    /// <summary>A node on the canvas: a group whose accessible name is its label.</summary>
    public static ILocator Node(IPage page, string label) =>
        page.Locator(".diagram-canvas").GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    public static ILocator SaveStatus(IPage page, string summary) =>
        page.GetByRole(AriaRole.Status, new() { Name = "Saving: " + summary, Exact = true });

    /// <summary>An interviewer creates an interview and waits in the Blazor room; returns the invite link.</summary>
    public static async Task<string> CreateInterviewAsync(IPage interviewer, string name)
    {
        await People.RegisterAsync(interviewer, name);
        await interviewer.GotoAsync("/sessions/new");
        await interviewer.GetByLabel("Interviewer").CheckAsync();
        await interviewer.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(interviewer);
        await ScreenshotAsync(interviewer, "room-waiting");
        return await interviewer.GetByLabel("Invite your partner with this link").InputValueAsync();
    }

    public static async Task JoinAsCandidateAsync(IPage candidate, string name, string invite)
    {
        await People.RegisterAsync(candidate, name);
        await candidate.GotoAsync(invite);
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Join as candidate" }).ClickAsync();
        await People.WaitConnectedAsync(candidate);
    }

    /// <summary>
    /// With MOCKLOOP_SCREENSHOTS set to a folder, saves what the person sees there (for docs/screenshots); otherwise
    /// does nothing. Never an assertion.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MOCKLOOP_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }
    }

    /// <summary>
    /// Polls a condition the page will reach (an echo from the other browser); fails with the reason after 30 s, the
    /// give-up bound of the room's pages and of Expect (BrowserFixture), generous for a loaded 2-core machine.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("Never happened: " + what);
    }

    public static async Task<(double X, double Y, double Width, double Height)> BoxAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not visible.");
        return (box.X, box.Y, box.Width, box.Height);
    }
}

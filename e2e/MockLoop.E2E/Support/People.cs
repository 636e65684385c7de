using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>What a person does through the pages, with role and label locators as a user sees them.</summary>
public static class People
{
    public const string Password = "practice42";

    public static async Task RegisterAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/account/register");
        var email = $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    /// <summary>Waits until the room's client says it is connected: nothing in the room is acted on before.</summary>
    public static Task WaitConnectedAsync(IPage page) =>
        page.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync();
}

using Microsoft.Playwright;
using MockLoop.E2E.Support;

namespace MockLoop.E2E;

/// <summary>
/// Two people draw on one canvas at once: the steps, roles and accessible names the React room's canvas was held to,
/// kept as the Blazor room's bar (docs/decisions/125).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CanvasTests(BrowserFixture browser)
{
    [Fact]
    public Task Two_people_draw_at_once_see_each_others_changes_and_a_reload_restores_the_diagram() =>
        CanvasScenarios.TwoPeopleDrawAtOnceAsync(browser.NewPersonAsync);
}

public static class CanvasScenarios
{
    /// <summary>A node on the canvas, found as people (and screen readers) find it: a group named by its label.</summary>
    public static ILocator Node(IPage page, string label) =>
        page.GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    public static async Task TwoPeopleDrawAtOnceAsync(Func<Task<IPage>> newPerson)
    {
        var ivy = await newPerson();
        await People.RegisterAsync(ivy, "Ivy Canvas");
        await ivy.GotoAsync("/sessions/new");
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var invite = await ivy.GetByLabel("Invite your partner with this link").InputValueAsync();

        var cal = await newPerson();
        await People.RegisterAsync(cal, "Cal Canvas");
        await cal.GotoAsync(invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Join as candidate" }).ClickAsync();
        await People.WaitConnectedAsync(cal);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store" }).WaitForAsync();

        // Both add at the same moment; each sees its own node at once and the other's after the server orders them.
        await Task.WhenAll(
            cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store" }).ClickAsync(),
            ivy.GetByRole(AriaRole.Button, new() { Name = "Add Model server" }).ClickAsync());
        await Task.WhenAll(
            Node(cal, "Feature store").WaitForAsync(), Node(cal, "Model server").WaitForAsync(),
            Node(ivy, "Feature store").WaitForAsync(), Node(ivy, "Model server").WaitForAsync());

        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Ranking model" }).ClickAsync();
        await Node(ivy, "Ranking model").WaitForAsync();

        await cal.ReloadAsync();
        await People.WaitConnectedAsync(cal);
        foreach (var label in new[] { "Feature store", "Model server", "Ranking model" })
        {
            await Node(cal, label).WaitForAsync();
        }
        Assert.Equal(1, await Node(cal, "Feature store").CountAsync());

        var download = await ivy.RunAndWaitForDownloadAsync(
            () => ivy.GetByRole(AriaRole.Button, new() { Name = "Export as PNG" }).ClickAsync());
        var path = await download.PathAsync();
        Assert.EndsWith(".png", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.True(bytes.Length > 1000, $"The PNG has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}

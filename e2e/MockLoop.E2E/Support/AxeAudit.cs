using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) run on the page as it stands. Issue 20 asks for zero serious or critical
/// findings on every page, in both roles and every room state; minor and moderate ones are reported, not failed.
/// </summary>
public static class AxeAudit
{
    /// <summary>Fails with every serious or critical finding on the page, each with the elements it names.</summary>
    public static async Task AssertNoSeriousFindingsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help}\n" + string.Join("\n",
                v.Nodes.Take(5).Select(n => $"    {n.Target} {Trim(n.Html)}")))
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {where} ({page.Url}):\n" + string.Join("\n", serious));
    }

    private static string Trim(string html) => html.Length <= 160 ? html : html[..160] + "…";
}

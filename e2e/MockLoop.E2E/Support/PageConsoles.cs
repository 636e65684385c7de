using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MockLoop.E2E.Support;

/// <summary>
/// The console of a test's pages (the call engine's trace is there, at debug level), interleaved in time and kept
/// across reloads, written to the test's output only when the test fails: a flake then says what each side saw.
/// </summary>
public sealed class PageConsoles
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Watch(IPage page, string who)
    {
        page.Console += (_, message) => _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} {message.Type}: {message.Text}");
        page.PageError += (_, error) => _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} page error: {error}");
        page.Load += (_, _) => _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} loaded {page.Url}");
    }

    /// <summary>
    /// Runs the test's steps; if one throws, the consoles go to <paramref name="output"/> before it fails (with
    /// MOCKLOOP_E2E_CONSOLE=1, also when it passes: the timings of a good run, to compare with a bad one).
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            WriteTo(output);
            throw;
        }
        if (Environment.GetEnvironmentVariable("MOCKLOOP_E2E_CONSOLE") == "1")
        {
            WriteTo(output);
        }
    }

    private void WriteTo(ITestOutputHelper output)
    {
        output.WriteLine($"--- the pages' consoles ({_lines.Count} lines) ---");
        foreach (var line in _lines)
        {
            output.WriteLine(line);
        }
    }
}

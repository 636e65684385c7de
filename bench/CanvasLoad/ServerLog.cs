using System.Text;
using System.Text.RegularExpressions;

namespace CanvasLoad;

/// <summary>The server's log since the last look: warn/fail/crit lines counted, the commonest ones kept as samples.</summary>
internal sealed partial class ServerLog(string path)
{
    private long offset;

    public LogSlice Since()
    {
        var bytes = Array.Empty<byte>();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var length = file.Length - offset;
            if (length > 0)
            {
                file.Seek(offset, SeekOrigin.Begin);
                bytes = new byte[length];
                file.ReadExactly(bytes);
            }
            offset = file.Length;
        }
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var counts = new Dictionary<string, int> { ["warn"] = 0, ["fail"] = 0, ["crit"] = 0 };
        var samples = new Dictionary<string, int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Level().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }
            counts[match.Groups[1].Value]++;
            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            var message = $"{match.Groups[1].Value}: {match.Groups[2].Value} {next}";
            message = message.Length > 240 ? message[..240] : message;
            samples[message] = samples.GetValueOrDefault(message) + 1;
        }
        return new LogSlice(counts["warn"], counts["fail"], counts["crit"],
            samples.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Value}× {p.Key}").ToArray());
    }

    [GeneratedRegex(@"^(warn|fail|crit): (\S+)")]
    private static partial Regex Level();
}

internal sealed record LogSlice(int Warn, int Fail, int Crit, IReadOnlyList<string> Messages);

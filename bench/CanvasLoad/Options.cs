namespace CanvasLoad;

/// <summary>The load generator's arguments, as bench/run.sh passes them (<c>--name value</c> or <c>--name=value</c>).</summary>
internal sealed record Options(
    IReadOnlyList<string> Urls,
    IReadOnlyList<int> ServerPids,
    string ServerLog,
    IReadOnlyList<int> RoomCounts,
    int WindowSeconds,
    string JsonPath,
    string MarkdownPath,
    string Stamp,
    string Psql,
    string Mode,
    int Kills,
    IReadOnlyList<string> NodeScripts)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument {arg}");
            }
            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else
            {
                values[arg[2..]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            }
        }
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new ArgumentException($"--{name} is required (see bench/run.sh)");
        static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);

        return new Options(
            List(Required("url")),
            List(Required("server-pid")).Select(int.Parse).ToArray(),
            Required("server-log"),
            List(values.GetValueOrDefault("rooms", "10,100,1000")).Select(int.Parse).ToArray(),
            int.Parse(values.GetValueOrDefault("seconds", "20")),
            Required("json"),
            Required("md"),
            values.GetValueOrDefault("stamp", DateTime.UtcNow.ToString("yyyyMMddTHHmmssZ")),
            Environment.GetEnvironmentVariable("MOCKLOOP_BENCH_PSQL") is { Length: > 0 } psql ? psql : "psql",
            values.GetValueOrDefault("mode", "canvas"),
            int.Parse(values.GetValueOrDefault("kills", "20")),
            List(values.GetValueOrDefault("node-scripts", "")));
    }
}

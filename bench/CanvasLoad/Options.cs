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
        var given = new MockLoop.Bench.BenchArguments(args);
        string Required(string name) => given.Required(name, "see bench/run.sh");
        static int[] Numbers(string list) => MockLoop.Bench.BenchArguments.List(list).Select(int.Parse).ToArray();

        return new Options(
            MockLoop.Bench.BenchArguments.List(Required("url")),
            Numbers(Required("server-pid")),
            Required("server-log"),
            Numbers(given.Optional("rooms", "10,100,1000")),
            given.Int("seconds", 20),
            Required("json"),
            Required("md"),
            given.Optional("stamp", DateTime.UtcNow.ToString("yyyyMMddTHHmmssZ")),
            Environment.GetEnvironmentVariable("MOCKLOOP_BENCH_PSQL") is { Length: > 0 } psql ? psql : "psql",
            given.Optional("mode", "canvas"),
            given.Int("kills", 20),
            MockLoop.Bench.BenchArguments.List(given.Optional("node-scripts", "")));
    }
}

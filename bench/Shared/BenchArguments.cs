using System.Globalization;

namespace MockLoop.Bench;

/// <summary>
/// A measuring tool's arguments as the bench scripts pass them: <c>--name value</c> or <c>--name=value</c>. Shared by
/// the benchmark programs (linked into each project), so each program's Options only says which names it takes.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(string[] args)
    {
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
                _values[arg[2..eq]] = arg[(eq + 1)..];
            }
            else
            {
                _values[arg[2..]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            }
        }
    }

    /// <summary>The value of --<paramref name="name"/>; fails with <paramref name="hint"/> when it is missing or empty.</summary>
    public string Required(string name, string hint = "see the script under bench/ that starts this tool") =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required ({hint})");

    public string Optional(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list ("10,100,1000").</summary>
    public static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

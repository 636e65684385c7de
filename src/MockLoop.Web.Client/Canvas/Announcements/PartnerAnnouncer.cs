namespace MockLoop.Web.Client.Canvas.Announcements;

/// <summary>
/// Gathers the partner's confirmed changes for a moment and says them as one message, so a gesture of many ops (a zone
/// carrying its nodes, a multi-delete) is one announcement, not a flood: "Cal moved Feature store, Ranker and 2 more".
/// Only confirmed ops come here, never drag previews, so a drag is said once, at the drop.
/// </summary>
/// <param name="say">Puts the message in the live region (the component marshals it onto its renderer).</param>
public sealed class PartnerAnnouncer(TimeProvider clock, Action<string> say) : IDisposable
{
    /// <summary>How long changes are gathered after the first of a burst; short enough to follow the partner.</summary>
    public static readonly TimeSpan Gathering = TimeSpan.FromMilliseconds(500);

    /// <summary>Names listed per verb before the rest are counted ("and 2 more").</summary>
    private const int NamesListed = 3;

    private readonly Lock gate = new();
    private readonly List<(string Who, ChangeWords Words)> gathered = [];
    private ITimer? timer;

    public void Add(string who, ChangeWords words)
    {
        lock (gate)
        {
            gathered.Add((who, words));
            timer ??= clock.CreateTimer(_ => Flush(), null, Gathering, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string message;
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
            message = Compose(gathered);
            gathered.Clear();
        }
        if (message.Length > 0)
        {
            say(message);
        }
    }

    /// <summary>One sentence per person and verb, in the order the changes came, each thing named once.</summary>
    public static string Compose(IReadOnlyList<(string Who, ChangeWords Words)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var sentences = changes
            .GroupBy(c => (c.Who, c.Words.Verb))
            .Select(g => $"{g.Key.Who} {g.Key.Verb} {List([.. g.Select(c => c.Words.What).Distinct(StringComparer.Ordinal)])}.");
        return string.Join(' ', sentences);
    }

    private static string List(IReadOnlyList<string> things) => things.Count switch
    {
        1 => things[0],
        <= NamesListed => $"{string.Join(", ", things.Take(things.Count - 1))} and {things[^1]}",
        _ => $"{string.Join(", ", things.Take(NamesListed - 1))} and {things.Count - (NamesListed - 1)} more",
    };

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
            gathered.Clear();
        }
    }
}

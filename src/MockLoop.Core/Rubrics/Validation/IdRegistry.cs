namespace MockLoop.Core.Rubrics.Validation;

/// <summary>Remembers where each id was first seen in a scope and reports any later duplicate.</summary>
internal sealed class IdRegistry(string kind, ProblemLog log)
{
    private readonly Dictionary<string, string> _firstSeenAt = new(StringComparer.Ordinal);

    /// <returns>False when the id was already taken (and the duplicate has been reported).</returns>
    public bool Claim(string id, string path)
    {
        if (_firstSeenAt.TryGetValue(id, out var first))
        {
            log.Add(path, $"duplicate {kind} id '{id}': already used at {first}.");
            return false;
        }

        _firstSeenAt.Add(id, path);
        return true;
    }
}

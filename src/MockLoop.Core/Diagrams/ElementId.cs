namespace MockLoop.Core.Diagrams;

/// <summary>
/// The shape of client-generated ids (element ids and op ids): 1 to 64 characters of [A-Za-z0-9_-], e.g. "n_k3J9x".
/// Safe to put in URLs, DOM ids and log lines without escaping.
/// </summary>
public static class ElementId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}

namespace MockLoop.Web.Client.Room;

/// <summary>
/// The two letters on a person's avatar (the people list, the call): from the first and last words that start with
/// a letter or digit, so "Ivy (QA)" reads "I" and "IQ" rather than "I(" (issue 20).
/// </summary>
public static class PersonInitials
{
    public static string Of(string? name)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        var letters = words.Count switch
        {
            0 => "?",
            1 => words[0][..Math.Min(2, words[0].Length)],
            _ => $"{words[0][0]}{words[^1][0]}",
        };
        return letters.ToUpperInvariant();
    }
}

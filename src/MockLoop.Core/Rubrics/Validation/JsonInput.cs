using System.Text;
using System.Text.Json;
using static System.FormattableString;

namespace MockLoop.Core.Rubrics.Validation;

/// <summary>Turns text into a <see cref="JsonDocument"/>, reporting size limits and syntax errors as problems.</summary>
internal static class JsonInput
{
    /// <summary>Far above any real rubric (the shipped one is about 40 KB); stops an upload from tying up the parser.</summary>
    public const int MaxChars = 1_000_000;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static JsonDocument? Parse(string json, ProblemLog log)
    {
        if (json.Length > MaxChars)
        {
            log.Add(JsonPath.Root, Invariant($"The file is {json.Length:N0} characters long; the limit is {MaxChars:N0}."));
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = CharacterColumn(json, line, (int)(ex.BytePositionInLine ?? 0));
            log.Add(JsonPath.Root, Invariant($"Invalid JSON at line {line + 1}, position {column + 1}: {WithoutLocation(ex.Message)}"));
            return null;
        }
    }

    /// <summary>The reader counts bytes of UTF-8 within a line; authors count characters.</summary>
    private static int CharacterColumn(string json, int lineIndex, int bytePosition)
    {
        var lineStart = 0;
        for (var i = 0; i < lineIndex; i++)
        {
            var next = json.IndexOf('\n', lineStart);
            if (next < 0)
            {
                return bytePosition;
            }

            lineStart = next + 1;
        }

        var bytes = 0;
        var chars = 0;
        while (lineStart + chars < json.Length && bytes < bytePosition)
        {
            var isPair = char.IsHighSurrogate(json[lineStart + chars]) && lineStart + chars + 1 < json.Length;
            var width = isPair ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(json.AsSpan(lineStart + chars, width));
            chars += width;
        }

        return chars;
    }

    private static string WithoutLocation(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}

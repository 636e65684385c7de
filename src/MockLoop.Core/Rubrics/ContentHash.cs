using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// Identifies a rubric's content independently of its formatting, so a stored session can tell exactly which
/// rubric text it was scored against (see docs/decisions on rubric hashing).
/// </summary>
public static class ContentHash
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Any fixed encoder would do; this one keeps non-ASCII text as itself rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
    };

    /// <summary>
    /// Lower-case hex SHA-256 of the canonical form of a JSON document: no whitespace, object properties sorted by
    /// ordinal name, strings re-encoded, numbers as written, and the editor-only root <c>$schema</c> left out.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string OfJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert.ToHexStringLower(SHA256.HashData(Canonicalize(document.RootElement)));
    }

    /// <summary>The canonical form as UTF-8 bytes, exposed for tests and for storing beside the hash.</summary>
    public static byte[] Canonicalize(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, root, isRoot: true);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool isRoot)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject()
                             .Where(p => !(isRoot && p.Name == "$schema"))
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, isRoot: false);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, isRoot: false);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            default:
                // true, false and null have exactly one spelling.
                element.WriteTo(writer);
                break;
        }
    }
}

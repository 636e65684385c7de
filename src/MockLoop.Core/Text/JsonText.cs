using System.Globalization;
using System.Text;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockLoop.Core.Text;

/// <summary>
/// Reads JSON strings as they were sent, lone surrogate escapes included. System.Text.Json refuses to turn
/// "\ud800" into a .NET string and throws, which a hub reports as a generic binding failure; read this way, the
/// text reaches the rules, which refuse it with <see cref="StorableText.ErrorCode"/> and say where the bad character is.
/// </summary>
public static class JsonText
{
    public static string? Read(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return Unescape(element.GetRawText().AsSpan(1, element.GetRawText().Length - 2));
        }
    }

    public static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            var raw = property.ToString();
            var nameEnd = raw.IndexOf("\":", StringComparison.Ordinal);
            return Unescape(raw.AsSpan(1, nameEnd - 1));
        }
    }

    /// <summary>JSON string escapes decoded without judging the result (the caller checks it).</summary>
    public static string Unescape(ReadOnlySpan<char> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\' || i + 1 >= escaped.Length)
            {
                text.Append(c);
                continue;
            }
            var next = escaped[++i];
            switch (next)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when i + 4 < escaped.Length
                    && int.TryParse(escaped.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(next); break;
            }
        }
        return text.ToString();
    }

    /// <summary>A string converter for incoming payloads that keeps lone surrogates (see the class comment).</summary>
    public sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String)
            {
                var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                return Unescape(Encoding.UTF8.GetString(raw));
            }
        }

        /// <summary>
        /// Writes lone surrogates as the escapes they came in as (System.Text.Json refuses to write them), so text on
        /// its way to the rules survives a hop through JSON (a command to the session's grain) and is refused there.
        /// </summary>
        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            if (!HasLoneSurrogate(value))
            {
                writer.WriteStringValue(value);
                return;
            }
            var json = new StringBuilder(value.Length + 16).Append('"');
            foreach (var c in value)
            {
                if (c is '"' or '\\' || c < ' ' || c > '~')
                {
                    json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }
                else
                {
                    json.Append(c);
                }
            }
            writer.WriteRawValue(json.Append('"').ToString(), skipInputValidation: true);
        }

        private static bool HasLoneSurrogate(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(value[i]))
                {
                    return true;
                }
            }
            return false;
        }
    }
}

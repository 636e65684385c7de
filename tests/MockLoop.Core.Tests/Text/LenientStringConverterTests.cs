using System.Text.Json;
using MockLoop.Core.Sessions;
using MockLoop.Core.Text;

namespace MockLoop.Core.Tests.Text;

/// <summary>Text crosses to the session's grain as JSON: lone surrogates must arrive as sent, so the rules can refuse them.</summary>
public sealed class LenientStringConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonText.LenientStringConverter() },
    };

    /// <summary>A fact over the cases, not a theory: test runners cannot carry a lone surrogate in a case's name.</summary>
    [Fact]
    public void A_string_with_a_lone_surrogate_reads_back_exactly_as_written()
    {
        foreach (var text in new[] { "cut emoji \ud83d", "\udc00 low first", "quote \" backslash \\ newline \n and \ud83d at the end" })
        {
            var json = JsonSerializer.Serialize(new PostChat(text), Options);

            var back = JsonSerializer.Deserialize<PostChat>(json, Options)!;

            Assert.Equal(text, back.Text);
        }
    }

    [Fact]
    public void Valid_text_is_written_as_System_Text_Json_writes_it()
    {
        const string text = "Grüße 👋 \"quoted\"";

        Assert.Equal(JsonSerializer.Serialize(text), JsonSerializer.Serialize(text, Options));
    }
}

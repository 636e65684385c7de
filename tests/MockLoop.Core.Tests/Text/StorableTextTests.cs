using System.Text.Json;
using MockLoop.Core.Text;

namespace MockLoop.Core.Tests.Text;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain words")]
    [InlineData("tab\there, lines\nand\r\nreturns")]
    [InlineData("émoji 🚀 and CJK 推荐")]
    public void Ordinary_text_with_tabs_and_line_breaks_can_be_stored(string text) =>
        Assert.Null(StorableText.Check(text));

    [Theory]
    [InlineData("a\u0000b", 1, "U+0000")]
    [InlineData("bell\u0007", 4, "U+0007")]
    [InlineData("\u001b[31m", 0, "U+001B")]
    [InlineData("del\u007f", 3, "U+007F")]
    [InlineData("c1\u0085", 2, "U+0085")]
    public void Control_characters_other_than_tab_and_line_breaks_are_named_with_their_position(string text, int index, string name)
    {
        var problem = StorableText.Check(text);

        Assert.NotNull(problem);
        Assert.Equal(index, problem.Index);
        Assert.StartsWith(name, problem.Character);
        Assert.Contains($"position {index + 1}", problem.Describe());
    }

    [Fact]
    public void A_lone_high_or_low_surrogate_is_refused_but_a_pair_is_not()
    {
        Assert.Null(StorableText.Check("\ud83d\ude80"));
        Assert.Equal(1, StorableText.Check("x\ud83d")!.Index);
        Assert.Equal(0, StorableText.Check("\ude80x")!.Index);
        Assert.Contains("surrogate", StorableText.Check("\ud83dx")!.Character);
    }

    [Fact]
    public void A_NUL_escape_deep_in_a_JSON_document_is_found_with_its_path()
    {
        using var document = JsonDocument.Parse("""{"steps":[{"id":"a"},{"id":"b","title":"x\u0000y"}]}""");

        var found = StorableText.FindInJson(document.RootElement);

        Assert.NotNull(found);
        Assert.Equal("$.steps[1].title", found.Value.Path);
        Assert.Equal(1, found.Value.Problem.Index);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_JSON_property_name_is_found()
    {
        using var document = JsonDocument.Parse("""{"ok":1,"bad\ud800":2}""");

        var found = StorableText.FindInJson(document.RootElement);

        Assert.NotNull(found);
        Assert.Equal("$", found.Value.Path);
        Assert.Contains("property name", found.Value.Problem.Character);
    }

    [Fact]
    public void A_clean_JSON_document_has_nothing_to_report()
    {
        using var document = JsonDocument.Parse("""{"a":["tab\tok", 1, true, null, {"b":"line\nbreak"}]}""");

        Assert.Null(StorableText.FindInJson(document.RootElement));
    }
}

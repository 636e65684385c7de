using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Rubrics;

public class ContentHashTests
{
    [Fact]
    public void The_hash_is_the_sha256_of_the_minified_json_with_sorted_properties()
    {
        const string json = """
            {
              "b": [1, 2.50, "é"],
              "a": { "y": true, "x": null }
            }
            """;
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"a":{"x":null,"y":true},"b":[1,2.50,"é"]}""")));

        Assert.Equal(expected, ContentHash.OfJson(json));
    }

    [Fact]
    public void Whitespace_and_property_order_do_not_change_the_hash()
    {
        var compact = SampleRubric.Json();
        var indented = JsonSerializer.Serialize(JsonDocument.Parse(compact).RootElement, new JsonSerializerOptions { WriteIndented = true });
        var reordered = SampleRubric.Json(r =>
        {
            var title = r["title"]!.DeepClone();
            r.Remove("title");
            r["title"] = title;
        });

        Assert.Equal(ContentHash.OfJson(compact), ContentHash.OfJson(indented));
        Assert.Equal(ContentHash.OfJson(compact), ContentHash.OfJson(reordered));
    }

    [Fact]
    public void The_editor_schema_reference_does_not_change_the_hash()
    {
        Assert.Equal(
            ContentHash.OfJson(SampleRubric.Json()),
            ContentHash.OfJson(SampleRubric.Json(r => r["$schema"] = "./rubric.schema.json")));
    }

    [Fact]
    public void Any_change_to_the_content_changes_the_hash()
    {
        var original = ContentHash.OfJson(SampleRubric.Json());

        Assert.NotEqual(original, ContentHash.OfJson(SampleRubric.Json(r => r.LevelsAt(0, 0)[0]!["descriptor"] = "Says nothing.")));
        Assert.NotEqual(original, ContentHash.OfJson(SampleRubric.Json(r =>
        {
            var steps = r["steps"]!.AsArray();
            var first = steps[0]!;
            steps.RemoveAt(0);
            steps.Add(first);
        })));
    }

    [Fact]
    public void Escaped_and_literal_spellings_of_the_same_string_hash_the_same()
    {
        Assert.Equal(ContentHash.OfJson("""{"t":"caf\u00e9"}"""), ContentHash.OfJson("""{"t":"café"}"""));
    }
}

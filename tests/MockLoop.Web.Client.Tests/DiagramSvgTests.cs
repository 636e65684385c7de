using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>
/// The static SVG of a diagram: what the room's SVG and PNG export draw and what the report shows (the React room's
/// exportImage tests, held to the Razor drawing).
/// </summary>
public class DiagramSvgTests : BunitContext
{
    private static readonly DiagramNode Store = new("n_a", "feature-store", "Feature store", 100, 100, 168, 56);
    private static readonly DiagramNode Server = new("n_b", "model-server", "Model server", 400, 100, 168, 56);

    private static DiagramSnapshot Snapshot(IReadOnlyList<DiagramNode> nodes, IReadOnlyList<DiagramZone>? zones = null, IReadOnlyList<DiagramLink>? links = null) =>
        new(nodes, zones ?? [], links ?? [], []);

    [Fact]
    public void The_drawing_is_sized_to_the_diagram_plus_a_margin_and_names_itself()
    {
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([Store, Server])).Add(x => x.Label, "Architecture diagram"));

        var svg = cut.Find("svg");
        // From (100, 100) to (568, 156), 24 units of margin on each side.
        Assert.Equal("76 76 516 104", svg.GetAttribute("viewBox"));
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Architecture diagram", svg.GetAttribute("aria-label"));
    }

    [Fact]
    public void Zones_links_and_nodes_are_drawn_with_their_labels_and_category_colours()
    {
        var zone = new DiagramZone("z_1", "Online serving", 60, 60, 600, 160);
        var cut = Render<DiagramSvg>(p => p
            .Add(x => x.Snapshot, Snapshot([Store with { ZoneId = "z_1" }, Server], [zone], [new DiagramLink("l_1", "n_a", "n_b", "features")]))
            .Add(x => x.Categories, new Dictionary<string, string> { ["feature-store"] = "data", ["model-server"] = "ml-serving" }));

        Assert.Equal(["Online serving", "features", "Feature store", "Model server"], cut.FindAll("text").Select(t => t.TextContent));
        var rects = cut.FindAll("rect");
        Assert.Equal("6 4", rects[0].GetAttribute("stroke-dasharray")); // the zone, drawn first, behind
        Assert.Equal("#16a34a", rects[1].GetAttribute("stroke")); // data
        Assert.Equal("#4f46e5", rects[2].GetAttribute("stroke")); // ML serving
        // The link leaves the store's right side and enters the server's left side.
        var line = cut.Find("line");
        Assert.Equal(("268", "400"), (line.GetAttribute("x1"), line.GetAttribute("x2")));
    }

    [Fact]
    public void A_directed_link_has_an_arrowhead_and_an_undirected_one_none()
    {
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([Store, Server, Server with { Id = "n_c", Y = 300 }],
            links: [new DiagramLink("l_1", "n_a", "n_b"), new DiagramLink("l_2", "n_a", "n_c", Directed: false)])));

        var lines = cut.FindAll("line");
        var marker = cut.Find("marker").GetAttribute("id");
        Assert.Equal($"url(#{marker})", lines[0].GetAttribute("marker-end"));
        Assert.False(lines[1].HasAttribute("marker-end"));
    }

    [Fact]
    public void Labels_are_text_never_markup_and_long_ones_are_shortened()
    {
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([
            Store with { Label = "<script>alert(1)</script> & co" },
            Server with { Label = "Candidate-generation-and-ranking-service" }])));

        Assert.Empty(cut.FindAll("script"));
        var texts = cut.FindAll("text").Select(t => t.TextContent).ToList();
        Assert.Equal("<script>alert(1)</script> &…", texts[0]);
        Assert.Equal("Candidate-generation-and-ra…", texts[1]);
    }

    [Fact]
    public void A_note_keeps_its_lines_wraps_long_ones_between_words_and_ends_with_an_ellipsis_when_the_box_is_full()
    {
        // 200 × 96 (the canvas's note): 180 units of text width hold 25 characters of 13 px, and 76 units of height 4 lines.
        var note = new DiagramNode("n_note", DiagramNode.NoteType, "Cache hot items\nEvict after one hour, warm the cache on every deploy\n\nAsk about cold start", 100, 300, 200, 96);
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([Store, note])));

        var text = cut.FindAll("text")[1];
        var lines = text.QuerySelectorAll("tspan").Select(t => t.TextContent).ToList();
        Assert.Equal(["Cache hot items", "Evict after one hour,", "warm the cache on every", "deploy…"], lines);
        Assert.All(text.QuerySelectorAll("tspan"), t => Assert.Equal("110", t.GetAttribute("x")));

        var tall = note with { Height = 200 };
        cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([tall])));
        Assert.Equal(["Cache hot items", "Evict after one hour,", "warm the cache on every", "deploy", "\u00a0", "Ask about cold start"],
            cut.Find("text").QuerySelectorAll("tspan").Select(t => t.TextContent));
    }

    [Fact]
    public void Wrapping_cuts_a_word_longer_than_a_line_and_keeps_markup_as_text()
    {
        Assert.Equal(["abcdefgh", "ijkl <b>"], SvgTextWrap.Lines("abcdefghijkl <b>", 16 * 0.55 * 8 + 20, 200, 16, 20, 10));
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([new DiagramNode("n_n", DiagramNode.NoteType, "<script>x</script>", 0, 0, 200, 96)])));
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<script>x</script>", cut.Find("tspan").TextContent);
    }

    [Fact]
    public void An_empty_diagram_says_so_instead_of_drawing_nothing()
    {
        var cut = Render<DiagramSvg>(p => p.Add(x => x.Snapshot, Snapshot([])).Add(x => x.EmptyText, "Nothing was drawn yet."));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Equal("Nothing was drawn yet.", cut.Find(".diagram-empty").TextContent);
    }
}

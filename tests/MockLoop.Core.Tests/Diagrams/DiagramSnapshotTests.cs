using MockLoop.Core.Diagrams;
using static MockLoop.Core.Tests.Diagrams.DiagramKit;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramSnapshotTests
{
    private readonly DiagramRules rules = Rules();

    private DiagramDocument Sample() => rules.Build(
        AddZone("z_serving"),
        AddNode(Node("n_gateway", type: "api-gateway", label: "Gateway", zone: "z_serving") with { X = -12.5, Y = 1e-3 }),
        AddNode("n_ranker"),
        AddNode(Node("n_note", type: DiagramNode.NoteType, label: "p99 < 100 ms\nQPS 10k")),
        AddLink("l_1", "n_gateway", "n_ranker"),
        new AddLinkOp(NextOpId(), Link("l_2", "n_note", "n_ranker", "constraint") with { Directed = false }),
        AddNode("n_gone"),
        AddLink("l_gone", "n_gone", "n_ranker"),
        Delete("n_gone"));

    [Fact]
    public void A_snapshot_rebuilds_an_equal_document()
    {
        var document = Sample();

        var rebuilt = DiagramDocument.FromSnapshot(document.ToSnapshot());

        Assert.Equal(document, rebuilt);
        Assert.Equal(document.ToCanonicalJson(), rebuilt.ToCanonicalJson());
    }

    [Fact]
    public void A_snapshot_survives_json_and_keeps_the_tombstones()
    {
        var document = Sample();

        var json = DiagramJson.Serialize(document.ToSnapshot());
        var rebuilt = DiagramDocument.FromSnapshot(DiagramJson.DeserializeSnapshot(json));

        Assert.Equal(document, rebuilt);
        Assert.Equal(["l_gone", "n_gone"], rebuilt.DeletedIds);
        rules.Reject(rebuilt, AddNode("n_gone"), DiagramErrors.DeletedIdCode);
    }

    [Fact]
    public void The_canonical_form_does_not_depend_on_the_order_elements_were_added()
    {
        var one = rules.Build(AddNode("n_b"), AddNode("n_a"), AddZone("z_1"));
        var other = rules.Build(AddZone("z_1"), AddNode("n_a"), AddNode("n_b"));

        Assert.Equal(one, other);
        Assert.Equal(one.ToCanonicalJson(), other.ToCanonicalJson());
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void Documents_that_differ_in_any_property_are_not_equal()
    {
        var document = rules.Build(AddNode("n_a"), AddNode("n_b"), AddLink("l_1", "n_a", "n_b"));

        Assert.NotEqual(document, document.Apply(UpdateNode("n_a", position: new(100, 200.0001))));
        Assert.NotEqual(document, document.Apply(UpdateLink("l_1", "x")));
        Assert.NotEqual(document, document.Apply(Delete("l_1")));
        Assert.NotEqual(
            document.ToCanonicalJson(),
            document.Apply(UpdateNode("n_a", label: "Model Server")).ToCanonicalJson());
    }

    [Fact]
    public void The_canonical_form_is_camel_case_json_sorted_by_id()
    {
        var document = rules.Build(AddNode("n_b"), AddNode(Node("n_a", type: "ranker", label: "R")));

        Assert.Equal(
            """{"nodes":[{"id":"n_a","componentType":"ranker","label":"R","x":100,"y":200,"width":160,"height":60,"zoneId":null},"""
            + """{"id":"n_b","componentType":"model-server","label":"Model server","x":100,"y":200,"width":160,"height":60,"zoneId":null}],"""
            + "\"zones\":[],\"links\":[],\"deletedIds\":[]}",
            document.ToCanonicalJson());
    }

    [Fact]
    public void An_inconsistent_snapshot_is_refused()
    {
        DiagramSnapshot With(
            IReadOnlyList<DiagramNode>? nodes = null,
            IReadOnlyList<DiagramZone>? zones = null,
            IReadOnlyList<DiagramLink>? links = null,
            IReadOnlyList<string>? deleted = null) =>
            new(nodes ?? [], zones ?? [], links ?? [], deleted ?? []);

        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("n_a"), Node("n_a")])));
        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("x_1")], zones: [Zone("x_1")])));
        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("n_a")], deleted: ["n_a"])));
        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("n_a", zone: "z_missing")])));
        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("n_a")], links: [Link("l_1", "n_a", "n_b")])));
        Assert.Throws<ArgumentException>(() => DiagramDocument.FromSnapshot(With(nodes: [Node("bad id")])));
    }

    [Fact]
    public void A_snapshot_with_missing_lists_reads_as_empty()
    {
        var snapshot = DiagramJson.DeserializeSnapshot("""{"nodes":[]}""");

        Assert.Equal(DiagramDocument.Empty, DiagramDocument.FromSnapshot(snapshot));
    }
}

using MockLoop.Core.Diagrams;
using static MockLoop.Core.Tests.Diagrams.DiagramKit;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramOpValidationTests
{
    private readonly DiagramRules rules = Rules();

    private DiagramDocument WithTwoNodesAZoneAndALink() =>
        rules.Build(AddNode("n_a"), AddNode("n_b"), AddZone("z_1"), AddLink("l_1", "n_a", "n_b"));

    [Theory]
    [InlineData("n_abc")]
    [InlineData("N-1_x")]
    [InlineData("a")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Ids_of_1_to_64_letters_digits_underscores_and_dashes_are_valid(string id)
    {
        Assert.True(ElementId.IsValid(id));
        rules.Build(AddNode(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("n 1")]
    [InlineData("n.1")]
    [InlineData("n/1")]
    [InlineData("nœud")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Other_ids_are_rejected(string id)
    {
        Assert.False(ElementId.IsValid(id));
        rules.Reject(DiagramDocument.Empty, AddNode(id), DiagramErrors.InvalidIdCode);
        rules.Reject(DiagramDocument.Empty, new AddNodeOp(id, Node("n_ok")), DiagramErrors.InvalidIdCode);
    }

    [Fact]
    public void A_missing_id_or_element_is_a_malformed_op_not_a_crash()
    {
        rules.Reject(DiagramDocument.Empty, new AddNodeOp(NextOpId(), null!), DiagramErrors.MalformedOpCode);
        rules.Reject(DiagramDocument.Empty, AddNode(Node(null!)), DiagramErrors.MalformedOpCode);
        rules.Reject(DiagramDocument.Empty, AddNode(Node("n_a", label: null!)), DiagramErrors.MalformedOpCode);
        rules.Reject(DiagramDocument.Empty, new AddLinkOp(NextOpId(), null!), DiagramErrors.MalformedOpCode);
        rules.Reject(DiagramDocument.Empty, new DeleteElementOp(NextOpId(), null!), DiagramErrors.MalformedOpCode);
        rules.Reject(DiagramDocument.Empty, null!, DiagramErrors.MalformedOpCode);
    }

    [Fact]
    public void Adding_an_id_that_exists_is_rejected_whatever_its_kind()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddNode("n_a"), DiagramErrors.DuplicateIdCode);
        rules.Reject(document, AddZone("n_a"), DiagramErrors.DuplicateIdCode);
        rules.Reject(document, AddNode("z_1"), DiagramErrors.DuplicateIdCode);
        rules.Reject(document, AddLink("l_1", "n_a", "n_b"), DiagramErrors.DuplicateIdCode);
    }

    [Fact]
    public void Re_adding_a_deleted_id_is_rejected()
    {
        var document = rules.Build(AddNode("n_a"), Delete("n_a"));

        rules.Reject(document, AddNode("n_a"), DiagramErrors.DeletedIdCode);
        rules.Reject(document, AddZone("n_a"), DiagramErrors.DeletedIdCode);
    }

    [Fact]
    public void The_element_limit_counts_nodes_zones_and_links()
    {
        var small = Rules(new DiagramLimits { MaxElements = 4 });
        var full = small.Build(AddNode("n_a"), AddNode("n_b"), AddZone("z_1"), AddLink("l_1", "n_a", "n_b"));

        small.Reject(full, AddNode("n_c"), DiagramErrors.TooManyElementsCode);
        small.Reject(full, AddZone("z_2"), DiagramErrors.TooManyElementsCode);
        small.Reject(full, AddLink("l_2", "n_b", "n_a"), DiagramErrors.TooManyElementsCode);

        var afterDelete = small.Accept(full, Delete("l_1"));
        small.Accept(afterDelete, AddNode("n_c"));
    }

    [Fact]
    public void The_default_limit_is_500_elements()
    {
        Assert.Equal(500, DiagramLimits.Default.MaxElements);
        var document = Enumerable.Range(0, 500).Aggregate(DiagramDocument.Empty, (d, i) => d.Apply(AddNode($"n_{i}")));

        rules.Reject(document, AddNode("n_one_too_many"), DiagramErrors.TooManyElementsCode);
    }

    [Fact]
    public void Deleted_elements_count_towards_the_cap_on_elements_ever_created()
    {
        var small = Rules(new DiagramLimits { MaxCreatedElements = 3 });
        var document = small.Build(AddNode("n_a"), Delete("n_a"), AddNode("n_b"), Delete("n_b"), AddNode("n_c"));

        small.Reject(document, AddNode("n_d"), DiagramErrors.TooManyCreatedCode);
    }

    [Fact]
    public void Labels_are_at_most_200_characters()
    {
        var document = WithTwoNodesAZoneAndALink();
        var longest = new string('x', 200);
        var tooLong = new string('x', 201);

        rules.Accept(document, AddNode(Node("n_c", label: longest)));
        rules.Reject(document, AddNode(Node("n_c", label: tooLong)), DiagramErrors.LabelTooLongCode);
        rules.Reject(document, UpdateNode("n_a", label: tooLong), DiagramErrors.LabelTooLongCode);
        rules.Reject(document, new AddZoneOp(NextOpId(), Zone("z_2", tooLong)), DiagramErrors.LabelTooLongCode);
        rules.Reject(document, UpdateZone("z_1", label: tooLong), DiagramErrors.LabelTooLongCode);
        rules.Reject(document, new AddLinkOp(NextOpId(), Link("l_2", "n_a", "n_b", tooLong)), DiagramErrors.LabelTooLongCode);
        rules.Reject(document, UpdateLink("l_1", tooLong), DiagramErrors.LabelTooLongCode);
    }

    [Fact]
    public void Notes_hold_longer_free_text_than_labels()
    {
        var note = rules.Build(AddNode(Node("n_note", type: DiagramNode.NoteType, label: new string('x', 2000))));

        rules.Accept(note, UpdateNode("n_note", label: new string('y', 2000)));
        rules.Reject(note, UpdateNode("n_note", label: new string('y', 2001)), DiagramErrors.LabelTooLongCode);
    }

    [Fact]
    public void A_node_cannot_switch_between_note_and_component()
    {
        var document = rules.Build(AddNode("n_a"), AddNode(Node("n_note", type: DiagramNode.NoteType, label: "Assume 100M DAU")));

        rules.Reject(document, UpdateNode("n_a", type: DiagramNode.NoteType), DiagramErrors.NoteTypeChangeCode);
        rules.Reject(document, UpdateNode("n_note", type: "ranker"), DiagramErrors.NoteTypeChangeCode);
        rules.Accept(document, UpdateNode("n_a", type: "ranker"));
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(1_000_000.5, 0)]
    [InlineData(0, -1_000_001)]
    public void Coordinates_must_be_finite_and_within_a_million(double x, double y)
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddNode(Node("n_c") with { X = x, Y = y }), DiagramErrors.InvalidCoordinateCode);
        rules.Reject(document, new AddZoneOp(NextOpId(), Zone("z_2") with { X = x, Y = y }), DiagramErrors.InvalidCoordinateCode);
        rules.Reject(document, UpdateNode("n_a", position: new(x, y)), DiagramErrors.InvalidCoordinateCode);
        rules.Reject(document, UpdateZone("z_1", position: new(x, y)), DiagramErrors.InvalidCoordinateCode);
    }

    [Fact]
    public void Coordinates_at_the_bounds_are_accepted()
    {
        rules.Build(AddNode(Node("n_c") with { X = -1_000_000, Y = 1_000_000 }));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(7.9, 60)]
    [InlineData(160, -5)]
    [InlineData(20_001, 60)]
    [InlineData(double.NaN, 60)]
    [InlineData(160, double.PositiveInfinity)]
    public void Sizes_must_be_within_bounds(double width, double height)
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddNode(Node("n_c") with { Width = width, Height = height }), DiagramErrors.InvalidSizeCode);
        rules.Reject(document, new AddZoneOp(NextOpId(), Zone("z_2") with { Width = width, Height = height }), DiagramErrors.InvalidSizeCode);
        rules.Reject(document, UpdateNode("n_a", size: new(width, height)), DiagramErrors.InvalidSizeCode);
        rules.Reject(document, UpdateZone("z_1", size: new(width, height)), DiagramErrors.InvalidSizeCode);
    }

    [Fact]
    public void Component_types_must_come_from_the_vocabulary_or_be_a_note()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddNode(Node("n_c", type: "quantum-computer")), DiagramErrors.UnknownComponentTypeCode);
        rules.Reject(document, AddNode(Node("n_c", type: "Ranker")), DiagramErrors.UnknownComponentTypeCode);
        rules.Reject(document, AddNode(Node("n_c", type: null!)), DiagramErrors.UnknownComponentTypeCode);
        rules.Reject(document, UpdateNode("n_a", type: "quantum-computer"), DiagramErrors.UnknownComponentTypeCode);
        rules.Accept(document, AddNode(Node("n_c", type: DiagramNode.NoteType)));
        rules.Accept(document, AddNode(Node("n_c", type: "feature-store")));
    }

    [Fact]
    public void Link_endpoints_must_exist_and_be_nodes()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddLink("l_2", "n_a", "n_missing"), DiagramErrors.InvalidLinkEndpointCode);
        rules.Reject(document, AddLink("l_2", "n_missing", "n_a"), DiagramErrors.InvalidLinkEndpointCode);
        rules.Reject(document, AddLink("l_2", "n_a", "z_1"), DiagramErrors.InvalidLinkEndpointCode);
        rules.Reject(document, AddLink("l_2", "l_1", "n_b"), DiagramErrors.InvalidLinkEndpointCode);
        rules.Reject(document, AddLink("l_2", "n_a", "bad id"), DiagramErrors.InvalidIdCode);
    }

    [Fact]
    public void A_link_from_a_node_to_itself_is_rejected()
    {
        rules.Reject(WithTwoNodesAZoneAndALink(), AddLink("l_2", "n_a", "n_a"), DiagramErrors.SelfLinkCode);
    }

    [Fact]
    public void Notes_can_be_linked_like_any_node()
    {
        var document = rules.Build(AddNode("n_a"), AddNode(Node("n_note", type: DiagramNode.NoteType, label: "p99 < 100 ms")));

        rules.Accept(document, AddLink("l_1", "n_note", "n_a"));
    }

    [Fact]
    public void A_node_can_only_join_an_existing_zone()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, AddNode("n_c", zone: "z_missing"), DiagramErrors.UnknownElementCode);
        rules.Reject(document, AddNode("n_c", zone: "n_a"), DiagramErrors.WrongKindCode);
        rules.Reject(document, UpdateNode("n_a", zone: new ZoneAssignment("z_missing")), DiagramErrors.UnknownElementCode);
        rules.Reject(document, UpdateNode("n_a", zone: new ZoneAssignment("l_1")), DiagramErrors.WrongKindCode);
        rules.Reject(document, UpdateNode("n_a", zone: new ZoneAssignment("bad id")), DiagramErrors.InvalidIdCode);
        rules.Accept(document, UpdateNode("n_a", zone: new ZoneAssignment("z_1")));
        rules.Accept(document, UpdateNode("n_a", zone: new ZoneAssignment(null)));
    }

    [Fact]
    public void Ops_on_ids_that_never_existed_are_rejected()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, UpdateNode("n_missing", label: "x"), DiagramErrors.UnknownElementCode);
        rules.Reject(document, UpdateZone("z_missing", label: "x"), DiagramErrors.UnknownElementCode);
        rules.Reject(document, UpdateLink("l_missing", "x"), DiagramErrors.UnknownElementCode);
        rules.Reject(document, Delete("x_missing"), DiagramErrors.UnknownElementCode);
    }

    [Fact]
    public void Ops_aimed_at_the_wrong_kind_of_element_are_rejected()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, UpdateNode("z_1", label: "x"), DiagramErrors.WrongKindCode);
        rules.Reject(document, UpdateZone("n_a", label: "x"), DiagramErrors.WrongKindCode);
        rules.Reject(document, UpdateLink("n_a", "x"), DiagramErrors.WrongKindCode);
    }

    [Fact]
    public void An_update_that_sets_nothing_is_rejected()
    {
        var document = WithTwoNodesAZoneAndALink();

        rules.Reject(document, UpdateNode("n_a"), DiagramErrors.EmptyUpdateCode);
        rules.Reject(document, UpdateZone("z_1"), DiagramErrors.EmptyUpdateCode);
    }

    [Fact]
    public void Ops_on_deleted_ids_are_accepted_and_change_nothing()
    {
        var document = rules.Build(
            AddNode("n_a"), AddNode("n_b"), AddZone("z_1"), AddLink("l_1", "n_a", "n_b"),
            Delete("n_a"), Delete("z_1"));

        foreach (var op in new DiagramOp[]
                 {
                     UpdateNode("n_a", label: "late edit"),
                     UpdateZone("z_1", position: new(5, 5)),
                     UpdateLink("l_1", "deleted with its node"),
                     Delete("n_a"),
                     Delete("l_1"),
                 })
        {
            Assert.Equal(document, rules.Accept(document, op));
        }
    }

    [Fact]
    public void A_malformed_op_on_a_deleted_id_is_still_rejected()
    {
        var document = rules.Build(AddNode("n_a"), Delete("n_a"));

        rules.Reject(document, UpdateNode("n_a", position: new(double.NaN, 0)), DiagramErrors.InvalidCoordinateCode);
        rules.Reject(document, UpdateNode("n_a"), DiagramErrors.EmptyUpdateCode);
    }

    [Fact]
    public void Error_messages_do_not_echo_huge_input()
    {
        var error = rules.Reject(DiagramDocument.Empty, Delete(new string('x', 100_000)), DiagramErrors.InvalidIdCode);

        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Deciding_never_changes_the_document()
    {
        var document = WithTwoNodesAZoneAndALink();
        var before = document.ToCanonicalJson();

        var result = rules.Decide(document, Delete("n_a"), At);

        Assert.True(result.IsSuccess);
        Assert.Equal(At, result.Event.At);
        Assert.Equal(before, document.ToCanonicalJson());
    }
}

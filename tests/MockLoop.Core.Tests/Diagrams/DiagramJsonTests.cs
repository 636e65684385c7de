using MockLoop.Core.Diagrams;
using static MockLoop.Core.Tests.Diagrams.DiagramKit;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramJsonTests
{
    public static TheoryData<DiagramOp> EveryOp =>
    [
        new AddNodeOp("op_1", Node("n_a", zone: "z_1")),
        new UpdateNodeOp("op_2", "n_a", Label: "Ranker"),
        new UpdateNodeOp("op_3", "n_a", Position: new(1.5, -2), Size: new(100, 50), Zone: new ZoneAssignment(null), ComponentType: "ranker"),
        new UpdateNodeOp("op_4", "n_a", Zone: new ZoneAssignment("z_1")),
        new AddZoneOp("op_5", Zone("z_1")),
        new UpdateZoneOp("op_6", "z_1", Label: "Online serving", Position: new(3, 4), Size: new(500, 300)),
        new AddLinkOp("op_7", Link("l_1", "n_a", "n_b", "features") with { Directed = false }),
        new UpdateLinkOp("op_8", "l_1", null),
        new DeleteElementOp("op_9", "n_a"),
    ];

    [Theory]
    [MemberData(nameof(EveryOp))]
    public void Every_op_round_trips_through_json(DiagramOp op)
    {
        var read = DiagramJson.DeserializeOp(DiagramJson.Serialize(op));

        Assert.Equal(op, read);
    }

    [Theory]
    [MemberData(nameof(EveryOp))]
    public void Every_event_round_trips_with_its_server_time(DiagramOp op)
    {
        var @event = new DiagramEvent(op, At.AddTicks(123));

        Assert.Equal(@event, DiagramJson.DeserializeEvent(DiagramJson.Serialize(@event)));
    }

    [Fact]
    public void Ops_are_written_camel_case_with_a_type_discriminator()
    {
        Assert.Equal(
            """{"type":"delete","opId":"op_9","elementId":"n_a"}""",
            DiagramJson.Serialize(new DeleteElementOp("op_9", "n_a")));
        Assert.Equal(
            """{"type":"updateNode","opId":"op_2","nodeId":"n_a","label":null,"position":{"x":1,"y":2},"size":null,"zone":{"zoneId":null},"componentType":null}""",
            DiagramJson.Serialize(new UpdateNodeOp("op_2", "n_a", Position: new(1, 2), Zone: new ZoneAssignment(null))));
    }

    [Fact]
    public void A_client_op_with_only_the_properties_it_changes_reads_with_the_rest_unset()
    {
        var op = DiagramJson.DeserializeOp("""{"type":"updateNode","opId":"op_1","nodeId":"n_a","zone":{"zoneId":"z_1"}}""");

        Assert.Equal(new UpdateNodeOp("op_1", "n_a", Zone: new ZoneAssignment("z_1")), op);
    }

    [Fact]
    public void A_link_without_directed_reads_as_an_arrow()
    {
        var op = DiagramJson.DeserializeOp("""{"type":"addLink","opId":"op_1","link":{"id":"l_1","sourceId":"n_a","targetId":"n_b"}}""");

        Assert.Equal(new AddLinkOp("op_1", new DiagramLink("l_1", "n_a", "n_b", null, Directed: true)), op);
    }

    [Fact]
    public void Ops_read_back_when_jsonb_has_moved_the_discriminator_after_other_keys()
    {
        var op = DiagramJson.DeserializeOp("""{"opId":"op_9","elementId":"n_a","type":"delete"}""");
        var @event = DiagramJson.DeserializeEvent("""{"at":"2025-03-14T09:00:00+00:00","op":{"opId":"op_9","type":"delete","elementId":"n_a"}}""");

        Assert.Equal(new DeleteElementOp("op_9", "n_a"), op);
        Assert.Equal(new DiagramEvent(op, At), @event);
    }

    [Theory]
    [InlineData("""{"type":"explode","opId":"op_1"}""")]
    [InlineData("""{"opId":"op_1","elementId":"n_a"}""")]
    [InlineData("""null""")]
    [InlineData("""{"type":"delete","opId":"op_1","elementId":42}""")]
    public void Malformed_op_json_is_a_json_error(string json)
    {
        Assert.ThrowsAny<Exception>(() => DiagramJson.DeserializeOp(json));
    }
}

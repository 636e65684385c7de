using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>Short builders for diagram tests: valid elements by default, each op with a fresh op id.</summary>
internal static class DiagramKit
{
    public static readonly string[] Vocabulary = ["client-app", "api-gateway", "feature-store", "model-server", "data-lake", "ranker"];

    public static readonly DateTimeOffset At = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static int opCounter;

    public static DiagramRules Rules(DiagramLimits? limits = null) => new(Vocabulary, limits);

    public static string NextOpId() => $"op_{Interlocked.Increment(ref opCounter)}";

    public static DiagramNode Node(string id, string type = "model-server", string label = "Model server", string? zone = null) =>
        new(id, type, label, X: 100, Y: 200, Width: 160, Height: 60, ZoneId: zone);

    public static DiagramZone Zone(string id, string label = "Offline training") =>
        new(id, label, X: 0, Y: 0, Width: 800, Height: 400);

    public static DiagramLink Link(string id, string source, string target, string? label = null) =>
        new(id, source, target, label, Directed: true);

    public static AddNodeOp AddNode(DiagramNode node) => new(NextOpId(), node);

    public static AddNodeOp AddNode(string id, string? zone = null) => AddNode(Node(id, zone: zone));

    public static AddZoneOp AddZone(string id) => new(NextOpId(), Zone(id));

    public static AddLinkOp AddLink(string id, string source, string target) => new(NextOpId(), Link(id, source, target));

    public static UpdateNodeOp UpdateNode(
        string id,
        string? label = null,
        DiagramPoint? position = null,
        DiagramSize? size = null,
        ZoneAssignment? zone = null,
        string? type = null) =>
        new(NextOpId(), id, label, position, size, zone, type);

    public static UpdateZoneOp UpdateZone(string id, string? label = null, DiagramPoint? position = null, DiagramSize? size = null) =>
        new(NextOpId(), id, label, position, size);

    public static UpdateLinkOp UpdateLink(string id, string? label) => new(NextOpId(), id, label);

    public static DeleteElementOp Delete(string id) => new(NextOpId(), id);

    /// <summary>Validates and applies each op in turn, failing the test on the first rejection.</summary>
    public static DiagramDocument Build(this DiagramRules rules, params DiagramOp[] ops) =>
        ops.Aggregate(DiagramDocument.Empty, rules.Accept);

    public static DiagramDocument Accept(this DiagramRules rules, DiagramDocument document, DiagramOp op)
    {
        var result = rules.Decide(document, op, At);
        Assert.True(result.IsSuccess, $"{op} was rejected: {result.Error?.Code} {result.Error?.Message}");
        return document.Apply(result.Event);
    }

    public static DiagramError Reject(this DiagramRules rules, DiagramDocument document, DiagramOp op, string expectedCode)
    {
        var result = rules.Decide(document, op, At);
        Assert.True(result.IsFailure, $"{op} was accepted but should be rejected with {expectedCode}");
        Assert.Equal(expectedCode, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error;
    }
}

using MockLoop.Core.Diagrams;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>
/// What the live session does with diagram ops, minus the database: validate against the current document, dedupe by op
/// id, give accepted ops the next sequence number, keep the log, apply.
/// </summary>
internal sealed class SimulatedDiagramServer(DiagramRules rules, ManualTimeProvider clock)
{
    private readonly Dictionary<string, long> acceptedOpIds = new(StringComparer.Ordinal);

    public DiagramDocument Document { get; private set; } = DiagramDocument.Empty;

    public List<(long Sequence, DiagramEvent Event)> Log { get; } = [];

    public long Sequence => Log.Count;

    /// <summary>Accepted ops that arrived after their element was deleted: the races the merge rule is about.</summary>
    public int OpsOnDeletedElements { get; private set; }

    public SubmitOutcome Submit(DiagramOp op)
    {
        if (acceptedOpIds.ContainsKey(op.OpId))
        {
            return new SubmitOutcome.AlreadyApplied(op.OpId);
        }

        clock.AdvanceSeconds(1);
        var result = rules.Decide(Document, op, clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return new SubmitOutcome.Rejected(op.OpId, result.Error!);
        }

        if (TargetOf(op) is { } target && Document.IsDeleted(target))
        {
            OpsOnDeletedElements++;
        }

        Document = Document.Apply(result.Event);
        Log.Add((Sequence + 1, result.Event));
        acceptedOpIds[op.OpId] = Sequence;
        return new SubmitOutcome.Accepted(Sequence, result.Event);
    }

    private static string? TargetOf(DiagramOp op) => op switch
    {
        UpdateNodeOp u => u.NodeId,
        UpdateZoneOp u => u.ZoneId,
        UpdateLinkOp u => u.LinkId,
        DeleteElementOp d => d.ElementId,
        _ => null,
    };

    public IEnumerable<(long Sequence, DiagramEvent Event)> Since(long sequence) => Log.Where(e => e.Sequence > sequence);
}

internal abstract record SubmitOutcome
{
    public sealed record Accepted(long Sequence, DiagramEvent Event) : SubmitOutcome;

    public sealed record Rejected(string OpId, DiagramError Error) : SubmitOutcome;

    public sealed record AlreadyApplied(string OpId) : SubmitOutcome;
}

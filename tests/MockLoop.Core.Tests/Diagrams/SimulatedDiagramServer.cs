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

        Document = Document.Apply(result.Event);
        Log.Add((Sequence + 1, result.Event));
        acceptedOpIds[op.OpId] = Sequence;
        return new SubmitOutcome.Accepted(Sequence, result.Event);
    }

    public IEnumerable<(long Sequence, DiagramEvent Event)> Since(long sequence) => Log.Where(e => e.Sequence > sequence);
}

internal abstract record SubmitOutcome
{
    public sealed record Accepted(long Sequence, DiagramEvent Event) : SubmitOutcome;

    public sealed record Rejected(string OpId, DiagramError Error) : SubmitOutcome;

    public sealed record AlreadyApplied(string OpId) : SubmitOutcome;
}

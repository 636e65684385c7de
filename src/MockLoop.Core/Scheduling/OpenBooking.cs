using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Scheduling;

/// <summary>A booking still waiting for a partner, as the matching rules see it.</summary>
/// <param name="CaseId">The case the person wants to practise or give, or null for any case of the rubric.</param>
/// <param name="PreferHelpful">A candidate's wish for an interviewer whose feedback others found useful.</param>
public sealed record OpenBooking(
    Guid Id,
    Guid UserId,
    DateTimeOffset SlotStart,
    PairingRole Role,
    TargetLevel Level,
    string RubricId,
    string? CaseId,
    bool PreferHelpful,
    DateTimeOffset BookedAt);

/// <summary>Two people who were in a session together before, and whether one of them did not come.</summary>
public sealed record PastPairing(Guid First, Guid Second, DateTimeOffset At, bool NoShow)
{
    public bool Involves(Guid a, Guid b) => (First == a && Second == b) || (First == b && Second == a);
}

/// <summary>What matching knows about the people involved, besides their bookings.</summary>
/// <param name="Usefulness">Interviewers' average usefulness, only for those with enough ratings.</param>
public sealed record MatchContext(IReadOnlyList<PastPairing> History, IReadOnlyDictionary<Guid, double> Usefulness)
{
    public static readonly MatchContext Empty = new([], new Dictionary<Guid, double>());
}

/// <summary>Two bookings matched, with the seats and the case decided.</summary>
public sealed record ScheduledMatch(OpenBooking Candidate, OpenBooking Interviewer, string RubricId, string? CaseId);

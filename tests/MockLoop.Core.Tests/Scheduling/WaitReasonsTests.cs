using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Scheduling;

namespace MockLoop.Core.Tests.Scheduling;

/// <summary>Issue 20: a booking that waits says why.</summary>
public class WaitReasonsTests
{
    private static readonly DateTimeOffset Slot = new(2026, 12, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly SchedulePolicy Policy = new();
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Them = Guid.NewGuid();

    private static OpenBooking Booking(Guid user, PairingRole role, string rubric = "ml-system-design@2", string? caseId = null) =>
        new(Guid.NewGuid(), user, Slot, role, TargetLevel.Senior, rubric, caseId, false, Slot.AddDays(-2));

    [Fact]
    public void Alone_in_the_slot_is_nobody_yet()
    {
        Assert.Equal(WaitReason.NobodyYet, WaitReasons.Explain(Booking(Me, PairingRole.Candidate), [], MatchContext.Empty));
    }

    [Fact]
    public void Others_with_the_same_role_or_another_rubric_are_not_compatible()
    {
        var mine = Booking(Me, PairingRole.Candidate);
        OpenBooking[] others = [Booking(Them, PairingRole.Candidate), Booking(Guid.NewGuid(), PairingRole.Interviewer, "other@1")];
        Assert.Equal(WaitReason.NobodyCompatible, WaitReasons.Explain(mine, others, MatchContext.Empty));
    }

    [Fact]
    public void A_compatible_partner_met_last_week_is_held_to_the_cut_off_and_the_page_says_so()
    {
        var mine = Booking(Me, PairingRole.Candidate);
        OpenBooking[] others = [Booking(Them, PairingRole.Interviewer)];
        var context = new MatchContext([new PastPairing(Me, Them, Slot.AddDays(-3), NoShow: false)], new Dictionary<Guid, double>());

        // The matching rule itself does not take them now...
        Assert.Null(MatchingRules.BestPartnerNow(mine, others, context, Policy));
        // ...and the reason names it.
        var reason = WaitReasons.Explain(mine, others, context);
        Assert.Equal(WaitReason.RecentPartnerOnly, reason);
        Assert.Contains("last week", WaitReasons.Describe(reason, "14:00"));
        Assert.Contains("14:00", WaitReasons.Describe(reason, "14:00"));
    }

    [Fact]
    public void A_partner_whose_last_session_was_a_no_show_is_never_the_one()
    {
        var mine = Booking(Me, PairingRole.Candidate);
        OpenBooking[] others = [Booking(Them, PairingRole.Interviewer)];
        var context = new MatchContext([new PastPairing(Them, Me, Slot.AddDays(-20), NoShow: true)], new Dictionary<Guid, double>());

        Assert.Equal(WaitReason.NoShowPartnerOnly, WaitReasons.Explain(mine, others, context));
    }
}

using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Scheduling;

namespace MockLoop.Core.Tests.Scheduling;

public sealed class MatchingRulesTests
{
    private static readonly SchedulePolicy Policy = SchedulePolicy.Default;
    private static readonly DateTimeOffset Slot = new(2026, 6, 12, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Booked = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private static int _minute;

    private static OpenBooking Book(PairingRole role, TargetLevel level = TargetLevel.Senior, string? caseId = null,
        bool preferHelpful = false, Guid? user = null, string rubric = "ml@1") =>
        new(Guid.NewGuid(), user ?? Guid.NewGuid(), Slot, role, level, rubric, caseId, preferHelpful, Booked.AddMinutes(Interlocked.Increment(ref _minute)));

    [Fact]
    public void A_candidate_and_an_interviewer_of_the_same_slot_and_rubric_are_matched_at_once()
    {
        var interviewer = Book(PairingRole.Interviewer);
        var candidate = Book(PairingRole.Candidate);

        var match = MatchingRules.BestPartnerNow(candidate, [interviewer], MatchContext.Empty, Policy);

        Assert.Equal((candidate, interviewer), match);
    }

    [Fact]
    public void Two_candidates_or_different_rubrics_or_cases_are_not_matched()
    {
        Assert.Null(MatchingRules.Seats(Book(PairingRole.Candidate), Book(PairingRole.Candidate), MatchContext.Empty));
        Assert.Null(MatchingRules.Seats(Book(PairingRole.Candidate), Book(PairingRole.Interviewer, rubric: "other@1"), MatchContext.Empty));
        Assert.Null(MatchingRules.Seats(Book(PairingRole.Candidate, caseId: "a"), Book(PairingRole.Interviewer, caseId: "b"), MatchContext.Empty));
        Assert.NotNull(MatchingRules.Seats(Book(PairingRole.Candidate, caseId: "a"), Book(PairingRole.Interviewer), MatchContext.Empty));
        var me = Guid.NewGuid();
        Assert.Null(MatchingRules.Seats(Book(PairingRole.Candidate, user: me), Book(PairingRole.Interviewer, user: me), MatchContext.Empty));
    }

    [Fact]
    public void Either_with_either_makes_the_earlier_booker_the_interviewer()
    {
        var first = Book(PairingRole.Either);
        var second = Book(PairingRole.Either);
        Assert.Equal((second, first), MatchingRules.Seats(second, first, MatchContext.Empty));
    }

    [Fact]
    public void A_similar_target_level_is_preferred()
    {
        var staff = Book(PairingRole.Interviewer, TargetLevel.Staff);
        var mid = Book(PairingRole.Interviewer, TargetLevel.Mid);
        var candidate = Book(PairingRole.Candidate, TargetLevel.Mid);

        Assert.Equal(mid, MatchingRules.BestPartnerNow(candidate, [staff, mid], MatchContext.Empty, Policy)?.Interviewer);
    }

    [Fact]
    public void Two_people_whose_last_session_together_was_a_no_show_are_never_paired()
    {
        var interviewer = Book(PairingRole.Interviewer);
        var candidate = Book(PairingRole.Candidate);
        var history = new MatchContext(
            [new PastPairing(interviewer.UserId, candidate.UserId, Slot.AddDays(-30), NoShow: false),
             new PastPairing(candidate.UserId, interviewer.UserId, Slot.AddDays(-20), NoShow: true)],
            new Dictionary<Guid, double>());

        Assert.Null(MatchingRules.BestPartnerNow(candidate, [interviewer], history, Policy));
        Assert.Empty(MatchingRules.AtCutOff([interviewer, candidate], history, Policy).Pairs);
    }

    [Fact]
    public void A_later_session_that_went_well_lifts_the_no_show_bar()
    {
        var interviewer = Book(PairingRole.Interviewer);
        var candidate = Book(PairingRole.Candidate);
        var history = new MatchContext(
            [new PastPairing(interviewer.UserId, candidate.UserId, Slot.AddDays(-30), NoShow: true),
             new PastPairing(candidate.UserId, interviewer.UserId, Slot.AddDays(-20), NoShow: false)],
            new Dictionary<Guid, double>());

        Assert.NotNull(MatchingRules.Seats(candidate, interviewer, history));
    }

    [Fact]
    public void A_partner_from_the_last_week_waits_for_the_cut_off_and_is_taken_only_if_nobody_else_fits()
    {
        var interviewer = Book(PairingRole.Interviewer);
        var candidate = Book(PairingRole.Candidate);
        var recent = new MatchContext([new PastPairing(interviewer.UserId, candidate.UserId, Slot.AddDays(-3), false)], new Dictionary<Guid, double>());

        Assert.Null(MatchingRules.BestPartnerNow(candidate, [interviewer], recent, Policy));
        var (pairs, unmatched) = MatchingRules.AtCutOff([interviewer, candidate], recent, Policy);
        Assert.Single(pairs);
        Assert.Empty(unmatched);

        var stranger = Book(PairingRole.Interviewer);
        Assert.Equal(stranger, MatchingRules.BestPartnerNow(candidate, [interviewer, stranger], recent, Policy)?.Interviewer);
    }

    [Fact]
    public void A_candidate_who_asks_for_a_helpful_interviewer_gets_the_one_with_better_ratings()
    {
        var plain = Book(PairingRole.Interviewer);
        var helpful = Book(PairingRole.Interviewer);
        var candidate = Book(PairingRole.Candidate, preferHelpful: true);
        var context = new MatchContext([], new Dictionary<Guid, double> { [plain.UserId] = 3.1, [helpful.UserId] = 4.6 });

        Assert.Equal(helpful, MatchingRules.BestPartnerNow(candidate, [plain, helpful], context, Policy)?.Interviewer);
        var indifferent = Book(PairingRole.Candidate);
        Assert.Equal(plain, MatchingRules.BestPartnerNow(indifferent, [plain, helpful], context, Policy)?.Interviewer);
    }

    [Fact]
    public void At_the_cut_off_as_many_as_possible_are_paired_and_the_rest_reported()
    {
        var i1 = Book(PairingRole.Interviewer, TargetLevel.Mid);
        var i2 = Book(PairingRole.Interviewer, TargetLevel.Staff);
        var c1 = Book(PairingRole.Candidate, TargetLevel.Staff);
        var c2 = Book(PairingRole.Candidate, TargetLevel.Mid);
        var c3 = Book(PairingRole.Candidate, TargetLevel.Senior);

        var (pairs, unmatched) = MatchingRules.AtCutOff([i1, i2, c1, c2, c3], MatchContext.Empty, Policy);

        Assert.Equal(2, pairs.Count);
        Assert.Contains((c2, i1), pairs);
        Assert.Contains((c1, i2), pairs);
        Assert.Equal([c3], unmatched);
    }

    [Fact]
    public void The_case_is_never_one_the_candidate_has_done_or_opened()
    {
        var cases = new[] { "feed", "search", "fraud" };
        var seen = new HashSet<string> { "feed", "search" };

        Assert.Equal("fraud", CaseDraw.Choose("feed", cases, seen, new Random(1)));
        Assert.Equal("fraud", CaseDraw.Choose(null, cases, seen, new Random(7)));
        Assert.Equal("search", CaseDraw.Choose("search", cases, new HashSet<string>(), new Random(1)));
        Assert.Null(CaseDraw.Choose(null, cases, new HashSet<string>(cases), new Random(1)));
    }
}

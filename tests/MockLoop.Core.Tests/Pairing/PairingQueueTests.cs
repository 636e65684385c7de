using MockLoop.Core.Pairing;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Pairing;

public class PairingQueueTests
{
    private const string Rubric = "ml-system-design";

    private readonly ManualTimeProvider clock = new();
    private readonly PairingQueue queue;

    public PairingQueueTests() => queue = new PairingQueue(clock);

    private static PairingRequest Ask(string user, PairingRole role, string rubric = Rubric, string? caseId = null) =>
        new(user, role, rubric, caseId);

    [Fact]
    public void The_first_person_waits_alone()
    {
        var match = queue.Enqueue(Ask("ana", PairingRole.Candidate));

        Assert.Null(match);
        var entry = Assert.Single(queue.Waiting);
        Assert.Equal("ana", entry.UserId);
        Assert.Equal(clock.GetUtcNow(), entry.EnqueuedAt);
    }

    [Fact]
    public void A_candidate_and_an_interviewer_are_paired_and_leave_the_queue()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        clock.AdvanceSeconds(30);

        var match = queue.Enqueue(Ask("ben", PairingRole.Interviewer));

        Assert.NotNull(match);
        Assert.Equal("ana", match.Candidate.UserId);
        Assert.Equal("ben", match.Interviewer.UserId);
        Assert.Equal(Rubric, match.RubricId);
        Assert.Equal(clock.GetUtcNow(), match.MatchedAt);
        Assert.Equal(TimeSpan.FromSeconds(30), match.Candidate.WaitedAt(match.MatchedAt));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Two_candidates_are_not_paired()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));

        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Candidate)));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void Two_interviewers_are_not_paired()
    {
        queue.Enqueue(Ask("ana", PairingRole.Interviewer));

        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Interviewer)));
        Assert.Equal(2, queue.Count);
    }

    [Theory]
    [InlineData(PairingRole.Candidate, PairingRole.Either, "ana", "ben")]
    [InlineData(PairingRole.Interviewer, PairingRole.Either, "ben", "ana")]
    [InlineData(PairingRole.Either, PairingRole.Candidate, "ben", "ana")]
    [InlineData(PairingRole.Either, PairingRole.Interviewer, "ana", "ben")]
    public void Either_takes_whichever_seat_the_other_person_leaves(
        PairingRole waitingRole, PairingRole newcomerRole, string expectedCandidate, string expectedInterviewer)
    {
        queue.Enqueue(Ask("ana", waitingRole));

        var match = queue.Enqueue(Ask("ben", newcomerRole));

        Assert.NotNull(match);
        Assert.Equal(expectedCandidate, match.Candidate.UserId);
        Assert.Equal(expectedInterviewer, match.Interviewer.UserId);
    }

    [Fact]
    public void With_either_on_both_sides_the_earlier_waiter_interviews()
    {
        queue.Enqueue(Ask("ana", PairingRole.Either));

        var match = queue.Enqueue(Ask("ben", PairingRole.Either));

        Assert.NotNull(match);
        Assert.Equal("ana", match.Interviewer.UserId);
        Assert.Equal("ben", match.Candidate.UserId);
    }

    [Fact]
    public void People_practising_different_rubrics_are_not_paired()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate, rubric: "ml-system-design"));

        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Interviewer, rubric: "recsys-deep-dive")));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void When_both_name_a_case_it_must_be_the_same_case()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate, caseId: "video-recommendations"));

        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Interviewer, caseId: "ad-click-prediction")));
        var match = queue.Enqueue(Ask("cy", PairingRole.Interviewer, caseId: "video-recommendations"));

        Assert.NotNull(match);
        Assert.Equal("video-recommendations", match.CaseId);
        Assert.Equal("cy", match.Interviewer.UserId);
    }

    [Theory]
    [InlineData("video-recommendations", null)]
    [InlineData(null, "video-recommendations")]
    public void When_only_one_names_a_case_that_case_is_used(string? waitingCase, string? newcomerCase)
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate, caseId: waitingCase));

        var match = queue.Enqueue(Ask("ben", PairingRole.Interviewer, caseId: newcomerCase));

        Assert.NotNull(match);
        Assert.Equal("video-recommendations", match.CaseId);
    }

    [Fact]
    public void When_nobody_names_a_case_the_match_leaves_it_to_the_host()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));

        var match = queue.Enqueue(Ask("ben", PairingRole.Interviewer));

        Assert.NotNull(match);
        Assert.Null(match.CaseId);
    }

    [Fact]
    public void A_blank_case_id_means_any_case()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate, caseId: "  "));

        Assert.Null(queue.Find("ana")!.CaseId);
        var match = queue.Enqueue(Ask("ben", PairingRole.Interviewer, caseId: "feed-ranking"));
        Assert.Equal("feed-ranking", match!.CaseId);
    }

    [Fact]
    public void The_compatible_person_who_waited_longest_is_paired_first()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate, rubric: "other-rubric"));
        clock.AdvanceSeconds(1);
        queue.Enqueue(Ask("ben", PairingRole.Candidate));
        clock.AdvanceSeconds(1);
        queue.Enqueue(Ask("cy", PairingRole.Candidate));

        var first = queue.Enqueue(Ask("dee", PairingRole.Interviewer));
        var second = queue.Enqueue(Ask("eve", PairingRole.Interviewer));

        Assert.Equal("ben", first!.Candidate.UserId);
        Assert.Equal("cy", second!.Candidate.UserId);
        Assert.Equal(["ana"], queue.Waiting.Select(e => e.UserId));
    }

    [Fact]
    public void Someone_whose_scheduled_partner_did_not_come_waits_at_the_head_of_the_queue()
    {
        queue.Enqueue(Ask("ben", PairingRole.Candidate));
        clock.AdvanceSeconds(1);
        queue.Enqueue(Ask("cy", PairingRole.Candidate), atHead: true);

        Assert.Equal(["cy", "ben"], queue.Waiting.Select(e => e.UserId));
        Assert.Equal("cy", queue.Enqueue(Ask("dee", PairingRole.Interviewer))!.Candidate.UserId);
    }

    [Fact]
    public void The_earliest_compatible_waiter_wins_even_when_a_later_one_fits_better()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        clock.AdvanceSeconds(5);
        queue.Enqueue(Ask("ben", PairingRole.Candidate, caseId: "feed-ranking"));

        var match = queue.Enqueue(Ask("cy", PairingRole.Interviewer, caseId: "feed-ranking"));

        Assert.NotNull(match);
        Assert.Equal("ana", match.Candidate.UserId);
        Assert.Equal("feed-ranking", match.CaseId);
        Assert.Equal(["ben"], queue.Waiting.Select(e => e.UserId));
    }

    [Fact]
    public void Asking_again_with_other_wishes_replaces_the_entry_and_goes_to_the_back()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        clock.AdvanceSeconds(10);
        queue.Enqueue(Ask("ben", PairingRole.Candidate));
        clock.AdvanceSeconds(10);

        Assert.Null(queue.Enqueue(Ask("ana", PairingRole.Candidate, caseId: "feed-ranking")));

        Assert.Equal(["ben", "ana"], queue.Waiting.Select(e => e.UserId));
        var ana = queue.Find("ana")!;
        Assert.Equal("feed-ranking", ana.CaseId);
        Assert.Equal(clock.GetUtcNow(), ana.EnqueuedAt);
    }

    [Fact]
    public void Asking_again_with_the_same_wishes_keeps_the_place_in_line()
    {
        var joinedAt = clock.GetUtcNow();
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        clock.AdvanceSeconds(10);
        queue.Enqueue(Ask("ben", PairingRole.Candidate));
        clock.AdvanceSeconds(10);

        Assert.Null(queue.Enqueue(Ask("ana", PairingRole.Candidate)));

        Assert.Equal(["ana", "ben"], queue.Waiting.Select(e => e.UserId));
        Assert.Equal(joinedAt, queue.Find("ana")!.EnqueuedAt);
    }

    [Fact]
    public void A_user_is_never_paired_with_themselves()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));

        Assert.Null(queue.Enqueue(Ask("ana", PairingRole.Interviewer)));
        var entry = Assert.Single(queue.Waiting);
        Assert.Equal(PairingRole.Interviewer, entry.Role);
    }

    [Fact]
    public void Removing_a_user_takes_them_out_of_the_queue()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));

        Assert.True(queue.Remove("ana"));
        Assert.False(queue.Remove("ana"));
        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Interviewer)));
        Assert.Null(queue.Find("ana"));
    }

    [Fact]
    public void Counts_show_how_many_wait_for_each_role_overall_and_per_rubric()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        queue.Enqueue(Ask("ben", PairingRole.Candidate));
        queue.Enqueue(Ask("cy", PairingRole.Interviewer, rubric: "other-rubric"));
        queue.Enqueue(Ask("dee", PairingRole.Either, rubric: "third-rubric"));

        Assert.Equal(new WaitingCounts(2, 1, 1), queue.Counts());
        Assert.Equal(4, queue.Counts().Total);
        Assert.Equal(new WaitingCounts(2, 0, 0), queue.Counts(Rubric));
        Assert.Equal(new WaitingCounts(0, 1, 0), queue.Counts("other-rubric"));
        Assert.Equal(new WaitingCounts(0, 0, 0), queue.Counts("unknown"));
    }

    [Fact]
    public void Entries_know_how_long_they_have_waited()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        clock.AdvanceMinutes(3);

        Assert.Equal(TimeSpan.FromMinutes(3), queue.Find("ana")!.WaitedAt(clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("", Rubric)]
    [InlineData("ana", " ")]
    public void A_request_without_user_or_rubric_is_refused(string user, string rubric)
    {
        Assert.Throws<ArgumentException>(() => queue.Enqueue(Ask(user, PairingRole.Candidate, rubric)));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_request_with_an_undefined_role_is_refused()
    {
        Assert.Throws<ArgumentException>(() => queue.Enqueue(Ask("ana", (PairingRole)42)));
    }
}

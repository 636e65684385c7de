using MockLoop.Core.Pairing;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Pairing;

/// <summary>Issue 20: a person whose lobby connection drops keeps their place for a grace, and is never paired while away.</summary>
public class PairingQueueAwayTests
{
    private const string Rubric = "ml-system-design";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider clock = new();
    private readonly PairingQueue queue;

    public PairingQueueAwayTests() => queue = new PairingQueue(clock);

    private static PairingRequest Ask(string user, PairingRole role) => new(user, role, Rubric, null);

    [Fact]
    public void Someone_away_keeps_their_place_and_count_and_coming_back_keeps_the_time_they_joined()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        var joined = clock.GetUtcNow();
        clock.AdvanceSeconds(5);
        queue.Enqueue(Ask("cat", PairingRole.Candidate));

        Assert.True(queue.MarkAway("ana"));
        clock.AdvanceSeconds(10);
        Assert.Equal(2, queue.Counts().Candidates);

        Assert.Null(queue.Return("ana"));
        Assert.Null(queue.Enqueue(Ask("ana", PairingRole.Candidate)));
        Assert.Equal(["ana", "cat"], queue.Waiting.Select(e => e.UserId));
        Assert.Equal(joined, queue.Find("ana")!.EnqueuedAt);
        Assert.False(queue.Find("ana")!.IsAway);
    }

    [Fact]
    public void Nobody_is_paired_with_someone_away_and_on_their_return_the_partner_who_waited_is_paired_with_them()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        queue.MarkAway("ana");

        Assert.Null(queue.Enqueue(Ask("ben", PairingRole.Interviewer)));
        Assert.Equal(2, queue.Count);

        var match = queue.Return("ana");
        Assert.NotNull(match);
        Assert.Equal("ana", match.Candidate.UserId);
        Assert.Equal("ben", match.Interviewer.UserId);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Coming_back_pairs_with_nobody_else_away_and_the_one_who_waited_longest_first()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        queue.MarkAway("ana");
        queue.Enqueue(Ask("ben", PairingRole.Interviewer));
        queue.MarkAway("ben");
        queue.Enqueue(Ask("dan", PairingRole.Interviewer));

        var match = queue.Return("ana");

        Assert.NotNull(match);
        Assert.Equal("dan", match.Interviewer.UserId);
        Assert.Equal(["ben"], queue.Waiting.Select(e => e.UserId));
    }

    [Fact]
    public void Only_those_away_for_the_whole_grace_are_dropped()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));
        queue.Enqueue(Ask("cat", PairingRole.Candidate));
        queue.Enqueue(Ask("eve", PairingRole.Candidate));
        queue.MarkAway("ana");
        clock.AdvanceSeconds(20);
        queue.MarkAway("cat");
        clock.AdvanceSeconds(10);

        Assert.Equal(["ana"], queue.DropAway(Grace));
        Assert.Equal(["cat", "eve"], queue.Waiting.Select(e => e.UserId));
        // Marking again does not restart the clock of someone already away.
        queue.MarkAway("cat");
        clock.AdvanceSeconds(20);
        Assert.Equal(["cat"], queue.DropAway(Grace));
    }

    [Fact]
    public void Marking_or_returning_someone_not_queued_changes_nothing()
    {
        queue.Enqueue(Ask("ana", PairingRole.Candidate));

        Assert.False(queue.MarkAway("zed"));
        Assert.Null(queue.Return("zed"));
        Assert.Equal(["ana"], queue.Waiting.Select(e => e.UserId));
    }
}

using Microsoft.Extensions.Time.Testing;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>The pointer and drag previews: at most 20 a second, and where the pointer stops is always sent.</summary>
public class VolatilePacerTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly List<(TimeSpan At, int Value)> sent = [];
    private readonly DateTimeOffset start;

    public VolatilePacerTests() => start = clock.GetUtcNow();

    /// <summary>Moves the fake clock a millisecond at a time, so a timer sees the time it fired at.</summary>
    private void Wait(TimeSpan span)
    {
        for (var ms = 0; ms < span.TotalMilliseconds; ms++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private VolatilePacer<int> NewPacer(Func<int, int>? cost = null) => new(clock, value =>
    {
        sent.Add((clock.GetUtcNow() - start, value));
        return Task.CompletedTask;
    }, cost);

    [Fact]
    public void The_first_sample_goes_at_once_and_the_last_of_a_burst_follows_when_the_budget_allows()
    {
        using var pacer = NewPacer();
        for (var x = 1; x <= 5; x++)
        {
            pacer.Offer(x);
            Wait(TimeSpan.FromMilliseconds(5));
        }
        Assert.Equal([(TimeSpan.Zero, 1)], sent);

        Wait(TimeSpan.FromMilliseconds(100));
        // The pointer stopped at 5: it is sent 50 ms after the first, and the samples in between are skipped.
        Assert.Equal([(TimeSpan.Zero, 1), (TimeSpan.FromMilliseconds(50), 5)], sent);
    }

    [Fact]
    public void A_steady_stream_is_sent_no_more_than_twenty_times_a_second_and_ends_on_its_last_sample()
    {
        using var pacer = NewPacer();
        for (var x = 1; x <= 200; x++)
        {
            pacer.Offer(x);
            Wait(TimeSpan.FromMilliseconds(10));
        }
        Wait(TimeSpan.FromSeconds(1));

        Assert.Equal(200, sent[^1].Value);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= VolatilePacer<int>.Interval));
        // Two seconds of samples every 10 ms: 40 or 41 sends, not 200.
        Assert.InRange(sent.Count, 40, 41);
    }

    [Fact]
    public void A_batch_of_n_costs_n_intervals_and_a_discarded_sample_is_never_sent()
    {
        using var pacer = NewPacer(cost: size => size);
        pacer.Offer(3);
        pacer.Offer(2);
        Wait(TimeSpan.FromMilliseconds(149));
        Assert.Single(sent);
        Wait(TimeSpan.FromMilliseconds(1));
        Assert.Equal([(TimeSpan.Zero, 3), (TimeSpan.FromMilliseconds(150), 2)], sent);

        pacer.Offer(1);
        pacer.Discard();
        Wait(TimeSpan.FromSeconds(1));
        Assert.Equal(2, sent.Count);
        // The budget is the budget whatever was discarded: the next sample goes at once.
        pacer.Offer(4);
        Assert.Equal(4, sent[^1].Value);
    }
}

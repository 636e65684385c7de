using MockLoop.Core.Cases;

namespace MockLoop.Core.Tests.Cases;

public class StepHintsTests
{
    [Fact]
    public void Each_labelled_line_the_room_receives_splits_back_into_its_label_and_text()
    {
        var hints = new StepHints("How many requests a second?", "Peak QPS from DAU: x10 for peaks", "Cost per 1k predictions", ["Skips the arithmetic", "Ignores peaks"]);

        var parts = hints.Lines().Select(StepHints.SplitLine).ToList();

        Assert.Equal(
            [
                ("Probe", "How many requests a second?"),
                ("Expected Senior answer", "Peak QPS from DAU: x10 for peaks"),
                ("Staff extension", "Cost per 1k predictions"),
                ("Red flag", "Skips the arithmetic"),
                ("Red flag", "Ignores peaks"),
            ],
            parts);
    }

    [Fact]
    public void A_line_without_a_known_label_is_kept_whole()
    {
        Assert.Equal((null, "Probe the latency budget"), StepHints.SplitLine("Probe the latency budget"));
        Assert.Equal((null, "Note: a free-form hint"), StepHints.SplitLine("Note: a free-form hint"));
    }
}

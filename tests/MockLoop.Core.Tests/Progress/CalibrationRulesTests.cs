using MockLoop.Core.Progress;

namespace MockLoop.Core.Tests.Progress;

public sealed class CalibrationRulesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fewer_than_three_other_interviewers_show_no_average(int others) =>
        Assert.Null(CalibrationRules.OthersAverage(2.5, others));

    [Fact]
    public void Three_other_interviewers_show_their_average() =>
        Assert.Equal(2.5, CalibrationRules.OthersAverage(2.5, 3));
}

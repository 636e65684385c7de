using MockLoop.Core.Sessions;

namespace MockLoop.Web.Client.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Ids = ["clarify", "framing", "data"];
    private static readonly string[] Titles = ["Clarify requirements", "Frame as an ML task", "Data and features"];

    public static TimerView Timer(TimerStatus status = TimerStatus.NotStarted, int step = 0, DateTimeOffset? runningSince = null, double usedBefore = 0) => new(
        status, step, 3, Ids[step], Titles[step],
        BudgetSeconds: 300, UsedSeconds: usedBefore, LeftSeconds: 300 - usedBefore, IsOverrun: false,
        TotalElapsedSeconds: usedBefore, TotalBudgetSeconds: 900, RunningSince: runningSince,
        UsedBeforeSegmentSeconds: usedBefore, ElapsedBeforeSegmentSeconds: usedBefore, ServerNow: runningSince ?? Noon,
        Steps:
        [
            new TimerStepView("clarify", "Clarify requirements", 300, step == 0 ? usedBefore : 0, false),
            new TimerStepView("framing", "Frame as an ML task", 300, step == 1 ? usedBefore : 0, false),
            new TimerStepView("data", "Data and features", 300, step == 2 ? usedBefore : 0, false),
        ]);
}

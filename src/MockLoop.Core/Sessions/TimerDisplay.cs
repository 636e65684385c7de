namespace MockLoop.Core.Sessions;

/// <summary>
/// What a timer display shows at one moment, counted on from the server's anchors in a <see cref="TimerView"/> with
/// no message per second. Both participants compute from the same anchors, each corrected by its own clock offset
/// (server time minus local time when the view arrived), so their displays agree.
/// </summary>
public sealed record TimerDisplay(double UsedSeconds, double LeftSeconds, double TotalSeconds, bool Overrun, IReadOnlyList<double> StepUsedSeconds)
{
    public static TimerDisplay At(TimerView timer, TimeSpan clockOffset, DateTimeOffset localNow)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var running = timer.Status == TimerStatus.Running && timer.RunningSince is not null;
        var segment = running ? Math.Max(0, (localNow + clockOffset - timer.RunningSince!.Value).TotalSeconds) : 0;
        var used = running ? timer.UsedBeforeSegmentSeconds + segment : timer.UsedSeconds;
        var total = running ? timer.ElapsedBeforeSegmentSeconds + segment : timer.TotalElapsedSeconds;
        var stepUsed = timer.Steps.Select((s, i) => i == timer.CurrentStepIndex ? used : s.UsedSeconds).ToList();
        return new TimerDisplay(used, timer.BudgetSeconds - used, total, used > timer.BudgetSeconds, stepUsed);
    }

    /// <summary>754 → "12:34", 3725 → "1:02:05"; a negative value (an overrun) keeps its sign: -65 → "-1:05".</summary>
    public static string Clock(double seconds)
    {
        var sign = seconds < 0 ? "-" : "";
        var whole = (long)Math.Floor(Math.Abs(seconds));
        var hours = whole / 3600;
        var minutes = whole % 3600 / 60;
        var secs = whole % 60;
        return hours > 0 ? $"{sign}{hours}:{minutes:00}:{secs:00}" : $"{sign}{minutes}:{secs:00}";
    }
}

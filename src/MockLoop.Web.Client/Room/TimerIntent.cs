namespace MockLoop.Web.Client.Room;

/// <summary>A timer button pressed: the hub's timer command and, for goToStep, the step.</summary>
public sealed record TimerIntent(string Command, int? StepIndex = null);

/// <summary>The hub's timer command words (see InterviewHub.Timer).</summary>
public static class TimerIntents
{
    public const string Start = "start";
    public const string NextStep = "nextStep";
    public const string PreviousStep = "previousStep";
    public const string GoToStep = "goToStep";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string End = "end";
}

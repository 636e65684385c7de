namespace MockLoop.Web.Client.Room;

/// <summary>The interviewer raises (or lowers) one of a step's red flags: the hub's RecordRedFlag arguments.</summary>
public sealed record RedFlagIntent(string StepId, string FlagId, bool Raised);

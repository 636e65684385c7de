namespace MockLoop.Web.Client.Room;

/// <summary>What the interviewer writes when submitting the scorecard (the hub's SubmitScorecard arguments).</summary>
public sealed record ScorecardDraft(string TargetLevel, string Strengths, string Improvements, string NextStep);

namespace MockLoop.Core.Pairing;

/// <summary>How many people wait for each role, for the lobby display.</summary>
public sealed record WaitingCounts(int Candidates, int Interviewers, int Either)
{
    public int Total => Candidates + Interviewers + Either;
}

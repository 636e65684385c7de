namespace MockLoop.Core.Sessions;

/// <summary>Where a session stands. Waiting and Ready come from the seats; Live and Ended from the timer (or a no-show).</summary>
public enum SessionStatus
{
    /// <summary>Created; the second seat is still open.</summary>
    Waiting = 0,
    /// <summary>Both seats taken.</summary>
    Ready = 1,
    Live = 2,
    Ended = 3,
}

public enum SeatRole
{
    Interviewer = 0,
    Candidate = 1,
}

/// <summary>Who may see an entry of the log. An entry for one role reaches the other as a bare sequence number.</summary>
public enum Audience
{
    Everyone = 0,
    Interviewer = 1,
    Candidate = 2,
}

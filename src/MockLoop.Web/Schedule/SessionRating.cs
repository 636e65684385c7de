namespace MockLoop.Web.Schedule;

/// <summary>
/// One person's private rating of the other after a session. The candidate rates how useful the feedback was; the
/// interviewer whether the candidate was on time and how prepared they were. Never shown to the person rated as such:
/// only an interviewer's average usefulness appears, on their own /progress/given, once there are enough.
/// </summary>
public sealed class SessionRating
{
    public Guid SessionId { get; set; }
    public Guid RaterId { get; set; }
    public Guid RateeId { get; set; }
    public bool RaterWasInterviewer { get; set; }

    /// <summary>1–5, from the candidate.</summary>
    public int? Usefulness { get; set; }

    /// <summary>From the interviewer.</summary>
    public bool? OnTime { get; set; }

    /// <summary>1–5, from the interviewer.</summary>
    public int? Preparation { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>Scheduling settings of a person: the time zone slots are shown in.</summary>
public sealed class ScheduleProfile
{
    public const int TimeZoneMaxLength = 64;

    public Guid UserId { get; set; }
    public string TimeZone { get; set; } = "";
}

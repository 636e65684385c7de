namespace MockLoop.Web.Schedule;

/// <summary>
/// Scheduled work that must survive restarts and run once across nodes: a row per job, claimed with
/// FOR UPDATE SKIP LOCKED (docs/decisions/072).
/// </summary>
public sealed class ScheduleJob
{
    public long Id { get; set; }

    /// <summary>What to do; see <see cref="JobKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Makes enqueueing idempotent: one job per kind and key.</summary>
    public string Key { get; set; } = "";
    public Guid? Subject { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? LeasedBy { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public static class JobKinds
{
    /// <summary>Match a slot's open bookings at the cut-off; Key is the slot start.</summary>
    public const string CutOff = "cut-off";
    /// <summary>Confirmation mail with the invite to one booking's owner (Subject: booking).</summary>
    public const string Confirmation = "mail-confirmation";
    /// <summary>Reminder 1 hour before (Subject: booking).</summary>
    public const string Reminder = "mail-reminder";
    /// <summary>The partner cancelled (Subject: the partner's booking, who is told).</summary>
    public const string PartnerCancelled = "mail-partner-cancelled";
    /// <summary>Nobody fitted by the cut-off (Subject: booking).</summary>
    public const string Unmatched = "mail-unmatched";
    /// <summary>After the no-show wait: whoever never came counts as a no-show (Subject: session; Key: session).</summary>
    public const string NoShowCheck = "no-show-check";
}

using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms;

/// <summary>One mock interview between two people: who sits where, and where it stands.</summary>
public sealed class InterviewSession
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public Guid? InterviewerId { get; set; }
    public Guid? CandidateId { get; set; }
    public SessionStatus Status { get; set; }

    /// <summary>The rubric (id and version) the session is scored against: history stays valid when a rubric changes.</summary>
    public string RubricId { get; set; } = "";
    public int RubricVersion { get; set; }
    public string? CaseId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The return match (roles swapped) started from this session, if any: one per session.</summary>
    public Guid? ReturnMatchId { get; set; }

    /// <summary>Set for a session booked on /schedule: its slot's start. The room opens a little before it.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public Guid? SeatOf(SeatRole role) => role == SeatRole.Interviewer ? InterviewerId : CandidateId;

    public SeatRole? RoleOf(Guid userId) =>
        InterviewerId == userId ? SeatRole.Interviewer
        : CandidateId == userId ? SeatRole.Candidate
        : null;

    public bool IsFull => InterviewerId is not null && CandidateId is not null;
}

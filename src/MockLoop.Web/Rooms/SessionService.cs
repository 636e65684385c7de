using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rooms;

/// <summary>What a new session is scored against and practises on.</summary>
public sealed record SessionSetup(string RubricId, int RubricVersion, string? CaseId);

public sealed record Participant(Guid UserId, string DisplayName, SeatRole Role);

/// <summary>What a person opening <c>/s/{id}</c> may do there.</summary>
public enum RoomAccess { Member, CanJoin, Full, NotFound, Ended }

public sealed record RoomView(InterviewSession Session, RoomAccess Access, SeatRole? MyRole, IReadOnlyList<Participant> Participants)
{
    public SeatRole OpenSeat => Session.InterviewerId is null ? SeatRole.Interviewer : SeatRole.Candidate;
}

public enum JoinOutcome { Joined, AlreadyMember, Full, NotFound }

/// <summary>Creating sessions and taking seats. The seat rules live here and nowhere else.</summary>
public sealed class SessionService(AppDbContext db, TimeProvider clock)
{
    public async Task<InterviewSession> CreateAsync(Guid userId, SeatRole role, SessionSetup setup, CancellationToken ct = default)
    {
        var session = new InterviewSession
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
            InterviewerId = role == SeatRole.Interviewer ? userId : null,
            CandidateId = role == SeatRole.Candidate ? userId : null,
            Status = SessionStatus.Waiting,
            RubricId = setup.RubricId,
            RubricVersion = setup.RubricVersion,
            CaseId = setup.CaseId,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>A session for two people the lobby paired: both seats taken from the start.</summary>
    public async Task<InterviewSession> CreatePairedAsync(Guid interviewerId, Guid candidateId, SessionSetup setup, CancellationToken ct = default)
    {
        var session = new InterviewSession
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = interviewerId,
            InterviewerId = interviewerId,
            CandidateId = candidateId,
            Status = SessionStatus.Ready,
            RubricId = setup.RubricId,
            RubricVersion = setup.RubricVersion,
            CaseId = setup.CaseId,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>
    /// The same two people with their roles reversed, on the same rubric and a different case (drawn at random from
    /// the rubric's other cases). Recorded on the old session so both clicking at once still makes one.
    /// </summary>
    public async Task<InterviewSession> CreateReturnMatchAsync(
        InterviewSession previous, IReadOnlyList<string> caseIds, IReadOnlySet<string> seenByNewCandidate, CancellationToken ct = default)
    {
        var session = new InterviewSession
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = clock.GetUtcNow(),
            // The creator stays the owner of the rubric choice (a custom rubric is visible through its owner).
            CreatedById = previous.CreatedById,
            InterviewerId = previous.CandidateId,
            CandidateId = previous.InterviewerId,
            Status = SessionStatus.Ready,
            RubricId = previous.RubricId,
            RubricVersion = previous.RubricVersion,
            CaseId = MockLoop.Core.Cases.CaseMaterialRules.Draw(caseIds, seenByNewCandidate, Random.Shared, avoid: previous.CaseId),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        await db.Sessions.Where(s => s.Id == previous.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReturnMatchId, session.Id), ct);
        return session;
    }

    public async Task<RoomView?> GetRoomAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }
        var participants = await ParticipantsAsync(session, ct);
        var myRole = session.RoleOf(userId);
        var access = myRole is not null ? RoomAccess.Member
            : session.Status == SessionStatus.Ended ? RoomAccess.Ended
            : session.IsFull ? RoomAccess.Full
            : RoomAccess.CanJoin;
        return new RoomView(session, access, myRole, participants);
    }

    /// <summary>
    /// Takes the open seat. The update is conditional on the seat still being empty, so two people clicking
    /// "Join" at the same moment cannot both get it.
    /// </summary>
    public async Task<JoinOutcome> JoinAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return JoinOutcome.NotFound;
        }
        if (session.RoleOf(userId) is not null)
        {
            return JoinOutcome.AlreadyMember;
        }
        if (session.IsFull || session.Status == SessionStatus.Ended)
        {
            return JoinOutcome.Full;
        }

        var updated = session.InterviewerId is null
            ? await db.Sessions
                .Where(s => s.Id == sessionId && s.InterviewerId == null && s.CandidateId != userId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.InterviewerId, userId).SetProperty(s => s.Status, SessionStatus.Ready), ct)
            : await db.Sessions
                .Where(s => s.Id == sessionId && s.CandidateId == null && s.InterviewerId != userId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.CandidateId, userId).SetProperty(s => s.Status, SessionStatus.Ready), ct);
        return updated == 1 ? JoinOutcome.Joined : JoinOutcome.Full;
    }

    public async Task<SeatRole?> RoleInSessionAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session?.RoleOf(userId);
    }

    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(InterviewSession session, CancellationToken ct = default)
    {
        var ids = new[] { session.InterviewerId, session.CandidateId }.OfType<Guid>().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var result = new List<Participant>();
        if (session.InterviewerId is { } i)
        {
            result.Add(new Participant(i, names.GetValueOrDefault(i, "?"), SeatRole.Interviewer));
        }
        if (session.CandidateId is { } c)
        {
            result.Add(new Participant(c, names.GetValueOrDefault(c, "?"), SeatRole.Candidate));
        }
        return result;
    }
}

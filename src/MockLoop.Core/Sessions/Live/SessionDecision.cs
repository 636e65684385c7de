namespace MockLoop.Core.Sessions;

/// <summary>Why a command was refused: a stable code for clients and a sentence for people.</summary>
public sealed record SessionRefusal(string Code, string Message);

/// <summary>
/// The outcome of <see cref="SessionRules.Decide"/>: a change to store (with who may see it and its time), or a
/// refusal. Nothing is applied yet: the live session stores the change first and applies it once it is durable.
/// </summary>
public sealed record SessionDecision(SessionChange? Change, Audience Audience, DateTimeOffset At, SessionRefusal? Refusal)
{
    public static SessionDecision Store(SessionChange change, Audience audience, DateTimeOffset at) => new(change, audience, at, null);

    public static SessionDecision Refuse(string code, string message) => new(null, Audience.Everyone, default, new SessionRefusal(code, message));
}

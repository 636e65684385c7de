namespace MockLoop.Core.Sessions;

/// <summary>Why a timer command was refused: a stable code for the client and a sentence for the person.</summary>
public sealed record TimerError(string Code, string Message);

namespace MockLoop.Core.Diagrams;

/// <summary>Why an op was rejected: a stable code for the client and a sentence for the person.</summary>
public sealed record DiagramError(string Code, string Message);

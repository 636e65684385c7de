namespace MockLoop.Core.Diagrams;

/// <summary>What a client replica did with a confirmed op from the server.</summary>
public enum ServerOpOutcome
{
    /// <summary>It was the next op in sequence and is now part of the confirmed document.</summary>
    Applied,

    /// <summary>Already applied (a resend after reconnect); ignored, so nothing is applied twice.</summary>
    Duplicate,

    /// <summary>Ops are missing before it; nothing was applied and the client must catch up or resync from a snapshot.</summary>
    Gap,
}

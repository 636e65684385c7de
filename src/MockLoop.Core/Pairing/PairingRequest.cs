namespace MockLoop.Core.Pairing;

/// <summary>What a signed-in user asks for when joining the lobby queue.</summary>
/// <param name="CaseId">A specific case to practise, or null for "any case of this rubric".</param>
public sealed record PairingRequest(string UserId, PairingRole Role, string RubricId, string? CaseId = null);

namespace MockLoop.Core.Cases;

/// <summary>What of a case someone may see: its prompt always; its facts, hints and expected design only when entitled.</summary>
public enum CaseMaterialAccess
{
    /// <summary>Anonymous: the prompt, and an invitation to sign in.</summary>
    PromptOnly,

    /// <summary>Signed in but not entitled: the prompt, and the choice to open the material (and give up the case).</summary>
    PromptWithChoice,

    /// <summary>Facts, hints and expected components as well.</summary>
    Full,
}

/// <summary>
/// Who may see a case's interviewer material, and which cases may be drawn for a candidate. The material gives the
/// case away, so whoever opens it gives up being a candidate on it: random draws (new session, lobby, return match,
/// scheduled sessions) leave out every case the candidate has opened.
/// </summary>
public static class CaseMaterialRules
{
    /// <param name="signedIn">Whether the viewer is signed in.</param>
    /// <param name="interviewsWithCase">The viewer is the interviewer of a session with this case.</param>
    /// <param name="openedMaterial">The viewer chose to open this case's material before.</param>
    public static CaseMaterialAccess Decide(bool signedIn, bool interviewsWithCase, bool openedMaterial) =>
        !signedIn ? CaseMaterialAccess.PromptOnly
        : interviewsWithCase || openedMaterial ? CaseMaterialAccess.Full
        : CaseMaterialAccess.PromptWithChoice;

    /// <summary>
    /// A case for a candidate, at random among <paramref name="caseIds"/> that they have not opened, preferring
    /// any other than <paramref name="avoid"/> (the case they just did); null when every case is ruled out.
    /// </summary>
    public static string? Draw(IReadOnlyList<string> caseIds, IReadOnlySet<string> openedByCandidate, Random random, string? avoid = null)
    {
        var allowed = caseIds.Where(c => !openedByCandidate.Contains(c)).ToList();
        var fresh = allowed.Where(c => c != avoid).ToList();
        var pool = fresh.Count > 0 ? fresh : allowed;
        return pool.Count == 0 ? null : pool[random.Next(pool.Count)];
    }

    /// <summary>Whether a named case may be used for this candidate (a choice by name counts as a draw only when random).</summary>
    public static bool MayBeDrawnFor(string caseId, IReadOnlySet<string> openedByCandidate) => !openedByCandidate.Contains(caseId);
}

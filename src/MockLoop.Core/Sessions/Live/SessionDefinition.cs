using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

/// <summary>What a session was set up with and never changes while it runs: its rubric, case and diagram vocabulary.</summary>
public sealed class SessionDefinition
{
    public SessionDefinition(Rubric rubric, InterviewCase? interviewCase, IReadOnlyList<string> componentTypes)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(componentTypes);
        Rubric = rubric;
        Case = interviewCase;
        ComponentTypes = componentTypes;
        DiagramRules = new DiagramRules(componentTypes);
        TimerSteps = rubric.TimedSteps.Select(s => new TimerStep(s.Id, s.Title, s.BudgetMinutes)).ToList();
    }

    public Rubric Rubric { get; }

    public InterviewCase? Case { get; }

    public IReadOnlyList<string> ComponentTypes { get; }

    public DiagramRules DiagramRules { get; }

    public IReadOnlyList<TimerStep> TimerSteps { get; }
}

/// <summary>The limits the session rules enforce.</summary>
public static class SessionLimits
{
    public const int ChatMaxLength = 2000;
    public const int NoteMaxLength = 10_000;
    public const int CriterionNoteMaxLength = 2000;
    public const int FeedbackMaxLength = 4000;

    /// <summary>Chat messages a session keeps in memory and sends in a snapshot; older ones are paged on request.</summary>
    public const int ChatKept = 200;
}

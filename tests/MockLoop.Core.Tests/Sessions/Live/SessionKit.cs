using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Core.Tests.Diagrams;

namespace MockLoop.Core.Tests.Sessions.Live;

/// <summary>
/// A session on the shipped ML system design rubric, driven like the live session drives it: decide, and apply
/// only what was accepted, keeping every stored entry (the log).
/// </summary>
internal sealed class SessionKit
{
    private static readonly Lazy<Rubric> ShippedRubric = new(() =>
    {
        var library = RubricLibrary.LoadDirectory(Path.Combine(RepoRoot(), "rubrics"));
        return library.FindRubric("ml-system-design")!.Rubric;
    });

    public static readonly Guid Interviewer = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Candidate = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    public SessionKit(SessionStatus status = SessionStatus.Ready, InterviewCase? interviewCase = null)
    {
        Definition = new SessionDefinition(ShippedRubric.Value, interviewCase, DiagramKit.Vocabulary);
        State = SessionState.Start(Definition, status);
    }

    public SessionDefinition Definition { get; }

    public Rubric Rubric => Definition.Rubric;

    public SessionState State { get; private set; }

    public List<SessionEntry> Log { get; } = [];

    public DateTimeOffset Now { get; set; } = DiagramKit.At;

    public RubricStep FirstStep => Rubric.Steps[0];

    public Criterion FirstCriterion => FirstStep.Criteria[0];

    /// <summary>Decides and, when accepted, stores and applies; returns the refusal code or null.</summary>
    public string? Send(SeatRole role, LiveCommand command, string? clientId = null)
    {
        var decision = SessionRules.Decide(Definition, State, role, command, Now);
        if (decision.Refusal is { } refusal)
        {
            return refusal.Code;
        }
        var entry = new SessionEntry(State.Seq + 1, role == SeatRole.Interviewer ? Interviewer : Candidate,
            decision.At, decision.Audience, clientId, decision.Change!);
        Log.Add(entry);
        State = SessionState.Apply(State, entry);
        Now = Now.AddSeconds(1);
        return null;
    }

    public void Accept(SeatRole role, LiveCommand command) =>
        Assert.Null(Send(role, command));

    public void StartAndEnd()
    {
        Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        Accept(SeatRole.Interviewer, new DriveTimer(new EndTimer()));
    }

    public ScoreCriterion Score(int? level, string? note = null, bool? neededHint = null, IReadOnlyList<int>? signals = null) =>
        new(FirstStep.Id, FirstCriterion.Id, level, note, neededHint, signals);

    public static AddNodeOp AddNode(string id) => DiagramKit.AddNode(id);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockLoop.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No MockLoop.sln above the test binaries.");
    }
}

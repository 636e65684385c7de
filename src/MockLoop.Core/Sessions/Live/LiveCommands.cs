using System.Text.Json.Serialization;
using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Sessions;

/// <summary>A durable change a participant asks for. The live session checks who may, then orders and stores it.</summary>
/// <remarks>Polymorphic in JSON: commands cross grain calls as JSON (the session grain).</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(DriveTimer), "timer")]
[JsonDerivedType(typeof(PostChat), "chat")]
[JsonDerivedType(typeof(WriteNote), "note")]
[JsonDerivedType(typeof(EditDiagram), "diagram")]
[JsonDerivedType(typeof(ScoreCriterion), "score")]
[JsonDerivedType(typeof(RecordRedFlag), "redFlag")]
[JsonDerivedType(typeof(SelfAssess), "self")]
[JsonDerivedType(typeof(SubmitScorecard), "scorecard")]
public abstract record LiveCommand;

public sealed record DriveTimer(TimerCommand Command) : LiveCommand;

public sealed record PostChat(string Text) : LiveCommand;

public sealed record WriteNote(string StepId, string Text) : LiveCommand;

/// <summary>An edit to the shared diagram; its op id doubles as the change id for acks and de-duplication.</summary>
public sealed record EditDiagram(DiagramOp Op) : LiveCommand;

/// <summary>The interviewer's level for one criterion (null: not assessed), with an optional note.</summary>
/// <param name="NeededHint">Null keeps the mark already recorded for the criterion.</param>
/// <param name="Signals">Null keeps the strong signals already ticked.</param>
public sealed record ScoreCriterion(string StepId, string CriterionId, int? Level, string? Note, bool? NeededHint = null, IReadOnlyList<int>? Signals = null) : LiveCommand;

/// <summary>The interviewer records or withdraws one of a step's red flags.</summary>
public sealed record RecordRedFlag(string StepId, string FlagId, bool Raised) : LiveCommand;

/// <summary>The candidate's own level for one criterion, after the interview.</summary>
public sealed record SelfAssess(string StepId, string CriterionId, int? Level) : LiveCommand;

public sealed record SubmitScorecard(string TargetLevel, string Strengths, string Improvements, string NextStep) : LiveCommand;

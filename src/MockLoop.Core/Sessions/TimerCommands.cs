using System.Text.Json.Serialization;

namespace MockLoop.Core.Sessions;

/// <summary>An intent from the interviewer. It carries no time: the server stamps the resulting event.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartTimer), "start")]
[JsonDerivedType(typeof(NextStep), "nextStep")]
[JsonDerivedType(typeof(PreviousStep), "previousStep")]
[JsonDerivedType(typeof(GoToStep), "goToStep")]
[JsonDerivedType(typeof(PauseTimer), "pause")]
[JsonDerivedType(typeof(ResumeTimer), "resume")]
[JsonDerivedType(typeof(EndTimer), "end")]
public abstract record TimerCommand;

public sealed record StartTimer : TimerCommand;

public sealed record NextStep : TimerCommand;

public sealed record PreviousStep : TimerCommand;

/// <summary>Jump to any other step by zero-based index; going back resumes that step's clock where it stopped.</summary>
public sealed record GoToStep(int StepIndex) : TimerCommand;

public sealed record PauseTimer : TimerCommand;

public sealed record ResumeTimer : TimerCommand;

public sealed record EndTimer : TimerCommand;

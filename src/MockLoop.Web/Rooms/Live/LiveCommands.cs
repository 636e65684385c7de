using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Live;

/// <summary>A durable change a participant asks for. The live session checks who may, then orders and stores it.</summary>
public abstract record LiveCommand;

public sealed record DriveTimer(TimerCommand Command) : LiveCommand;

public sealed record PostChat(string Text) : LiveCommand;

public sealed record WriteNote(string StepId, string Text) : LiveCommand;

/// <summary>An edit to the shared diagram; its op id doubles as the change id for acks and de-duplication.</summary>
public sealed record EditDiagram(DiagramOp Op) : LiveCommand;

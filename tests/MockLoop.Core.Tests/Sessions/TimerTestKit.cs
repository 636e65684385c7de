using MockLoop.Core.Sessions;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Sessions;

/// <summary>A timer wired to a manual clock that records every event it applies, like the live session would persist them.</summary>
internal sealed class TimerTestKit
{
    public static readonly IReadOnlyList<TimerStep> SevenSteps =
    [
        new("clarify", "Clarify requirements", 5),
        new("frame", "Frame as an ML task", 5),
        new("data", "Data and features", 8),
        new("model", "Model development", 10),
        new("evaluation", "Evaluation", 6),
        new("serving", "Deployment and serving", 6),
        new("monitoring", "Monitoring and iteration", 5),
    ];

    public TimerTestKit(IReadOnlyList<TimerStep>? steps = null)
    {
        Steps = steps ?? SevenSteps;
        Timer = new StepTimer(Steps, Clock);
    }

    public ManualTimeProvider Clock { get; } = new();

    public IReadOnlyList<TimerStep> Steps { get; }

    public StepTimer Timer { get; }

    public List<TimerEvent> Log { get; } = [];

    public TimerView View => Timer.View();

    /// <summary>Decides and, if accepted, applies the command; fails the test if it was refused.</summary>
    public TimerEvent Do(TimerCommand command)
    {
        var result = Timer.Decide(command);
        Assert.True(result.IsSuccess, $"{command.GetType().Name} was refused: {result.Error?.Code} {result.Error?.Message}");
        Timer.Apply(result.Event);
        Log.Add(result.Event);
        return result.Event;
    }

    /// <summary>Decides the command, asserts it was refused with the code, and checks the state did not move.</summary>
    public TimerError Refuse(TimerCommand command, string expectedCode)
    {
        var before = Timer.State;
        var result = Timer.Decide(command);
        Assert.True(result.IsFailure, $"{command?.GetType().Name} was accepted but should be refused with {expectedCode}");
        Assert.Equal(expectedCode, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Equal(before, Timer.State);
        return result.Error;
    }

    public void Minutes(double minutes) => Clock.AdvanceMinutes(minutes);
}

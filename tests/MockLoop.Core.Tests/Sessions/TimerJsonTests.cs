using System.Text.Json;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public class TimerJsonTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public void Events_are_written_camel_case_with_a_type_discriminator()
    {
        var json = TimerJson.Serialize(new TimerStepChanged(0, 1, "frame", At));

        Assert.Equal(
            """{"type":"timerStepChanged","fromIndex":0,"toIndex":1,"toStepId":"frame","at":"2025-03-14T09:30:15+00:00"}""",
            json);
    }

    [Theory]
    [InlineData("""{"type":"timerStarted","at":"2025-03-14T09:30:15+00:00"}""", typeof(TimerStarted))]
    [InlineData("""{"type":"timerPaused","at":"2025-03-14T09:30:15+00:00"}""", typeof(TimerPaused))]
    [InlineData("""{"type":"timerResumed","at":"2025-03-14T09:30:15+00:00"}""", typeof(TimerResumed))]
    [InlineData("""{"type":"timerEnded","at":"2025-03-14T09:30:15+00:00"}""", typeof(TimerEnded))]
    public void Every_event_type_reads_back_from_its_discriminator(string json, Type expected)
    {
        var read = TimerJson.Deserialize(json);

        Assert.IsType(expected, read);
        Assert.Equal(At, read.At);
        Assert.Equal(json, TimerJson.Serialize(read));
    }

    [Fact]
    public void Events_read_back_when_jsonb_has_moved_the_discriminator_after_other_keys()
    {
        // jsonb sorts keys by length, so a stored event comes back as {"at": ..., "type": ...}.
        var read = TimerJson.Deserialize("""{"at":"2025-03-14T09:30:15+00:00","type":"timerPaused"}""");

        Assert.Equal(new TimerPaused(At), read);
    }

    [Fact]
    public void An_unknown_discriminator_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => TimerJson.Deserialize("""{"type":"timerExploded","at":"2025-03-14T09:30:15+00:00"}"""));
    }

    [Fact]
    public void Commands_read_from_their_discriminators()
    {
        var command = JsonSerializer.Deserialize<TimerCommand>("""{"stepIndex":3,"type":"goToStep"}""", TimerJson.Options);

        Assert.Equal(new GoToStep(3), command);
        Assert.IsType<NextStep>(JsonSerializer.Deserialize<TimerCommand>("""{"type":"nextStep"}""", TimerJson.Options));
    }

    [Fact]
    public void The_view_is_sent_with_seconds_and_a_camel_case_status()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(1);

        var json = JsonSerializer.Serialize(kit.View, TimerJson.Options);

        Assert.Contains("\"status\":\"running\"", json, StringComparison.Ordinal);
        Assert.Contains("\"usedSeconds\":60", json, StringComparison.Ordinal);
        Assert.Contains("\"runningSince\":\"2025-03-14T09:00:00+00:00\"", json, StringComparison.Ordinal);
    }
}

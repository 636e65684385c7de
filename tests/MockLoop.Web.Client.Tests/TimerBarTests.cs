using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Sessions;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class TimerBarTests : BunitContext
{
    [Fact]
    public void The_interviewer_starts_the_interview_and_the_candidate_is_told_so()
    {
        TimerCommand? pressed = null;
        var interviewer = Render<TimerBar>(p => p
            .Add(x => x.Timer, Samples.Timer())
            .Add(x => x.IsInterviewer, true)
            .Add(x => x.OnCommand, EventCallback.Factory.Create<TimerCommand>(this, i => pressed = i)));
        var candidate = Render<TimerBar>(p => p.Add(x => x.Timer, Samples.Timer()).Add(x => x.IsInterviewer, false));

        interviewer.Find("button.primary").Click();

        Assert.Equal(new StartTimer(), pressed);
        Assert.Empty(candidate.FindAll(".timer-controls"));
        Assert.Contains("The interviewer starts the interview.", candidate.Markup);
    }

    [Fact]
    public void A_running_step_counts_on_from_the_server_anchor_without_messages()
    {
        var clock = new FakeTimeProvider(Samples.Noon.AddSeconds(65));
        var cut = Render<TimerBar>(p => p
            .Add(x => x.Timer, Samples.Timer(TimerStatus.Running, 1, Samples.Noon, usedBefore: 10))
            .Add(x => x.Clock, clock));

        Assert.Equal("1:15 / 5:00", cut.Find("[aria-label='Time used in this step']").TextContent);
        clock.Advance(TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Equal("3:15", cut.Find("[aria-label='Time left in this step']").TextContent));
    }

    [Fact]
    public void While_running_the_interviewer_can_move_between_steps_and_must_confirm_the_end()
    {
        var pressed = new List<TimerCommand>();
        var cut = Render<TimerBar>(p => p
            .Add(x => x.Timer, Samples.Timer(TimerStatus.Running, 1, Samples.Noon))
            .Add(x => x.Clock, new FakeTimeProvider(Samples.Noon))
            .Add(x => x.IsInterviewer, true)
            .Add(x => x.OnCommand, EventCallback.Factory.Create<TimerCommand>(this, pressed.Add)));

        cut.FindAll("button").Single(b => b.TextContent == "Next step →").Click();
        cut.FindAll("button").Single(b => b.TextContent.Contains("Data and features")).Click();
        cut.FindAll("button").Single(b => b.TextContent == "End interview").Click();
        Assert.Equal(2, pressed.Count); // asking to end only asks for confirmation
        cut.FindAll("button").Single(b => b.TextContent == "Yes, end it").Click();

        Assert.Equal([new NextStep(), new GoToStep(2), new EndTimer()], pressed);
    }

    [Fact]
    public void After_a_timer_command_focus_goes_to_the_button_that_replaced_the_pressed_one_once_the_new_state_arrives()
    {
        JSInterop.SetupVoid("mockloopRoom.focusTarget", _ => true);
        var cut = Render<TimerBar>(p => p
            .Add(x => x.Timer, Samples.Timer())
            .Add(x => x.Clock, new FakeTimeProvider(Samples.Noon))
            .Add(x => x.IsInterviewer, true));

        cut.Find("[data-timer=start]").Click();
        // Nothing yet: the Start button is still there until the server acknowledges.
        Assert.Empty(JSInterop.Invocations["mockloopRoom.focusTarget"]);

        cut.Render(p => p.Add(x => x.Timer, Samples.Timer(TimerStatus.Running, 0, Samples.Noon)));
        var focused = Assert.Single(JSInterop.Invocations["mockloopRoom.focusTarget"]);
        Assert.Equal(["[data-timer=next]", "[data-timer=end]"], (string[])focused.Arguments[0]!);
        Assert.Equal(["[data-timer=resume]"], TimerBar.FocusAfter(new PauseTimer())!);
        Assert.Equal(["[data-timer=pause]"], TimerBar.FocusAfter(new ResumeTimer())!);
    }

    [Fact]
    public void The_current_step_is_marked_for_assistive_technology()
    {
        var cut = Render<TimerBar>(p => p.Add(x => x.Timer, Samples.Timer(TimerStatus.Paused, 2)).Add(x => x.Clock, new FakeTimeProvider(Samples.Noon)));

        var current = cut.Find("[aria-current=step]");
        Assert.Contains("Data and features", current.TextContent);
        Assert.Contains("Step 3 of 3 · Paused", cut.Markup);
    }

    [Fact]
    public void Each_step_tab_carries_a_short_label_for_a_narrow_strip_beside_its_full_title()
    {
        var cut = Render<TimerBar>(p => p.Add(x => x.Timer, Samples.Timer()).Add(x => x.Clock, new FakeTimeProvider(Samples.Noon)));

        var tabs = cut.FindAll(".step-button");
        Assert.Equal(["Clarify", "Frame", "Data"], tabs.Select(t => t.QuerySelector(".step-short")!.TextContent));
        Assert.All(tabs, t => Assert.Equal("true", t.QuerySelector(".step-short")!.GetAttribute("aria-hidden")));
        Assert.Equal("Frame as an ML task", tabs[1].QuerySelector(".step-title")!.TextContent);
    }

    [Theory]
    [InlineData("Clarify requirements", "Clarify")]
    [InlineData("Deployment and serving", "Deployment")]
    [InlineData("Evaluation", "Evaluation")]
    [InlineData("Wrap-up", "Wrap-up")]
    [InlineData("Cost/benefit trade-offs", "Cost")]
    [InlineData("  Monitoring and iteration ", "Monitoring")]
    [InlineData("Productionisation", "Productionisation")]
    public void A_short_label_is_the_first_word_of_a_long_title(string title, string label) =>
        Assert.Equal(label, StepLabel.Short(title));
}

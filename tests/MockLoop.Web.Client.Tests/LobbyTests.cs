using Microsoft.AspNetCore.Components;
using MockLoop.Web.Client.Lobby;

namespace MockLoop.Web.Client.Tests;

public class LobbyTests : BunitContext
{
    private static readonly IReadOnlyList<LobbyRubricOption> Rubrics =
    [
        new("ml-system-design@2", "ML system design", [new("feed-ranking", "Feed ranking"), new("fraud-detection", "Fraud detection")]),
        new("ml-system-design@1", "ML system design (v1)", [new("ads-ctr", "Ads click-through")]),
    ];

    [Fact]
    public void The_form_offers_the_three_seats_and_the_cases_of_the_chosen_rubric_until_connected()
    {
        // Not interactive: the lobby renders its form but opens no hub connection.
        SetRendererInfo(new RendererInfo("Static", false));
        var cut = Render<LobbyRoom>(p => p.Add(x => x.HubUrl, "/hubs/lobby").Add(x => x.Rubrics, Rubrics));

        Assert.Equal(["The candidate", "The interviewer", "Either"], cut.FindAll(".seat-title").Select(e => e.TextContent));
        Assert.True(cut.Find("input[value=either]").HasAttribute("checked"));
        Assert.Equal(["Any case (matches fastest)", "Feed ranking", "Fraud detection"], cut.FindAll("#lobby-case option").Select(o => o.TextContent));
        // Not connected yet (no browser here): the status says so and the queue cannot be joined.
        Assert.Equal("Connection: Connecting…", cut.Find("[role=status]").GetAttribute("aria-label"));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));

        cut.Find("#lobby-rubric").Change("ml-system-design@1");
        Assert.Equal(["Any case (matches fastest)", "Ads click-through"], cut.FindAll("#lobby-case option").Select(o => o.TextContent));
    }

    [Fact]
    public void The_wait_reads_minutes_and_seconds_and_hours_once_past_one()
    {
        var since = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("0:07", LobbyFormat.Waited(since, since.AddSeconds(7)));
        Assert.Equal("2:05", LobbyFormat.Waited(since, since.AddSeconds(125)));
        Assert.Equal("1:02:03", LobbyFormat.Waited(since, since.AddSeconds(3723)));
        // A server clock slightly ahead never shows a negative wait.
        Assert.Equal("0:00", LobbyFormat.Waited(since, since.AddSeconds(-3)));
    }
}

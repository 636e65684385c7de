using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

/// <summary>The room's skip links: real links to this page, which show the target and then move focus to it.</summary>
public class SkipLinksTests : BunitContext
{
    [Fact]
    public void A_skip_link_keeps_the_pages_path_shows_its_target_and_hands_the_page_every_selector_to_focus()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/s/abc");
        SkipTarget? shown = null;
        var cut = Render<SkipLinks>(p => p
            .Add(x => x.Targets, [new SkipTarget("Skip to the canvas", "canvas-drawing"), new SkipTarget("Skip to chat", "chat-input", "section.chat")])
            .Add(x => x.OnSkip, EventCallback.Factory.Create<SkipTarget>(this, t => shown = t)));

        var chat = cut.FindAll("a.skip-link").Single(a => a.TextContent == "Skip to chat");
        Assert.Equal("/s/abc#chat-input", chat.GetAttribute("href"));
        chat.Click();

        Assert.Equal("chat-input", shown?.Id);
        var call = JSInterop.VerifyInvoke("mockloopRoom.focusTarget");
        Assert.Equal(["#chat-input", "section.chat"], Assert.IsType<string[]>(Assert.Single(call.Arguments)));
    }
}

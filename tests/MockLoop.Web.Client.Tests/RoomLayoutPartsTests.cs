using Microsoft.AspNetCore.Components;
using MockLoop.Core.Contracts;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

/// <summary>The side column's tabs with their unread count, what counts as unread, and the banner once ended.</summary>
public class RoomLayoutPartsTests : BunitContext
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();

    private static ChatMessageView From(Guid author, long seq) => new(seq, author, author == Me ? "Ivy" : "Cal", $"message {seq}", Samples.Noon);

    [Fact]
    public void History_held_at_the_first_load_is_read_and_only_the_partners_later_messages_count()
    {
        var unread = new UnreadChat();
        List<ChatMessageView> chat = [From(Partner, 1), From(Me, 2)];
        Assert.Equal(0, unread.Count(chat, Me));

        unread.Loaded(chat);
        chat.AddRange([From(Partner, 3), From(Me, 4), From(Partner, 5)]);
        // A later load (a reconnect's catch-up) brings news: it does not move the mark.
        unread.Loaded(chat);

        Assert.Equal(2, unread.Count(chat, Me));
        unread.MarkRead(chat);
        Assert.Equal(0, unread.Count(chat, Me));
    }

    [Fact]
    public void Earlier_messages_loaded_on_request_are_not_unread()
    {
        var unread = new UnreadChat();
        List<ChatMessageView> chat = [From(Partner, 10)];
        unread.Loaded(chat);

        chat.InsertRange(0, [From(Partner, 4), From(Partner, 6)]);

        Assert.Equal(0, unread.Count(chat, Me));
    }

    [Fact]
    public void A_tab_with_unread_messages_says_how_many_in_its_text_and_a_click_selects_it()
    {
        var selected = new List<string>();
        var cut = Render<SideTabs>(p => p
            .Add(x => x.Tabs, [new SideTab("case", "Case"), new SideTab("chat", "Chat", 2)])
            .Add(x => x.Active, "case")
            .Add(x => x.OnSelect, EventCallback.Factory.Create<string>(this, selected.Add)));

        var chat = cut.Find("#tab-chat");
        Assert.StartsWith("Chat (2 unread)", chat.TextContent, StringComparison.Ordinal);
        Assert.Equal(" (2 unread)", chat.QuerySelector(".sr-only")!.TextContent);
        Assert.Equal("2", chat.QuerySelector(".unread-count[aria-hidden=true]")!.TextContent);
        Assert.Equal("false", chat.GetAttribute("aria-selected"));
        Assert.Equal("Case", cut.Find("#tab-case").TextContent);

        chat.Click();
        Assert.Equal(["chat"], selected);

        cut.Render(p => p.Add(x => x.Tabs, [new SideTab("case", "Case"), new SideTab("chat", "Chat")]).Add(x => x.Active, "chat"));
        Assert.Equal("Chat", cut.Find("#tab-chat").TextContent);
        Assert.Equal("true", cut.Find("#tab-chat").GetAttribute("aria-selected"));
    }

    [Fact]
    public void Before_the_scorecard_the_interviewers_main_action_is_to_submit_it_and_the_return_match_is_secondary()
    {
        var opened = 0;
        var cut = Render<EndedBanner>(p => p
            .Add(x => x.IsInterviewer, true)
            .Add(x => x.CanStartReturnMatch, true)
            .Add(x => x.OnOpenScorecard, EventCallback.Factory.Create(this, () => opened++)));

        var buttons = cut.FindAll(".ended-actions .button");
        Assert.Equal(["Submit the scorecard", "Swap roles and go again"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Contains("primary", buttons[0].ClassList);
        Assert.DoesNotContain("primary", buttons[1].ClassList);

        buttons[0].Click();
        Assert.Equal(1, opened);
    }

    [Fact]
    public void After_the_scorecard_one_banner_says_the_result_and_the_return_match_is_the_main_action()
    {
        var card = new ScorecardView("Senior", "Clear", "Metrics", "Practise ranking metrics", Samples.Noon,
            new ScorePreview(3.0, []), new VerdictView("Senior", "Meets", 3.0, 2.75, []));
        var cut = Render<EndedBanner>(p => p
            .Add(x => x.IsInterviewer, true)
            .Add(x => x.Scorecard, card)
            .Add(x => x.SessionId, Guid.Empty)
            .Add(x => x.CanStartReturnMatch, true));

        Assert.Single(cut.FindAll("section"));
        Assert.Contains("This interview has ended. Scorecard submitted · overall 3.00", cut.Find(".verdict").TextContent);
        Assert.Contains("Next step: Practise ranking metrics", cut.Find(".ended-detail").TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Submit", StringComparison.Ordinal));
        Assert.Contains("primary", cut.FindAll("button").Single(b => b.TextContent == "Swap roles and go again").ClassList);
        Assert.Equal("View the report", cut.Find("a.button").TextContent);
    }

    [Fact]
    public void The_candidate_sees_the_return_match_as_the_main_action_and_no_scorecard_button()
    {
        var cut = Render<EndedBanner>(p => p.Add(x => x.IsInterviewer, false).Add(x => x.CanStartReturnMatch, true));

        var button = cut.Find(".ended-actions button");
        Assert.Equal("Swap roles and go again", button.TextContent);
        Assert.Contains("primary", button.ClassList);
        Assert.Contains("My sessions", cut.Find(".ended-text").TextContent);
    }
}

using MockLoop.Core.Sessions;
using Microsoft.AspNetCore.Components;
using MockLoop.Core.Contracts;
using MockLoop.Web.Client.Canvas;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class PanelTests : BunitContext
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();

    [Fact]
    public void Chat_sends_the_trimmed_text_clears_the_draft_and_marks_my_messages()
    {
        var sent = new List<string>();
        var cut = Render<ChatPanel>(p => p
            .Add(x => x.Messages, [new ChatMessageView(1, Partner, "Cal", "hi", Samples.Noon), new ChatMessageView(2, Me, "Ivy", "hello", Samples.Noon)])
            .Add(x => x.MyUserId, Me)
            .Add(x => x.OnSend, EventCallback.Factory.Create<string>(this, sent.Add)));

        cut.Find("#chat-input").Input("  what is the scale?  ");
        cut.Find("form").Submit();

        Assert.Equal(["what is the scale?"], sent);
        Assert.Equal("", cut.Find("#chat-input").GetAttribute("value"));
        Assert.Equal(["Cal", "You"], cut.FindAll(".chat-author").Select(a => a.TextContent));
    }

    [Fact]
    public void Earlier_messages_are_offered_only_when_the_log_holds_some_and_a_click_asks_for_them()
    {
        var asked = 0;
        var cut = Render<ChatPanel>(p => p
            .Add(x => x.Messages, [new ChatMessageView(7, Partner, "Cal", "hi", Samples.Noon)])
            .Add(x => x.OnLoadEarlier, EventCallback.Factory.Create(this, () => asked++)));
        Assert.Empty(cut.FindAll(".chat-earlier"));

        cut.Render(p => p.Add(x => x.HasEarlier, true));
        cut.Find(".chat-earlier").Click();

        Assert.Equal(1, asked);
        Assert.Equal("Show earlier messages", cut.Find(".chat-earlier").TextContent.Trim());
    }

    [Fact]
    public void A_read_only_chat_has_no_form()
    {
        var cut = Render<ChatPanel>(p => p.Add(x => x.Messages, []).Add(x => x.ReadOnly, true));

        Assert.Empty(cut.FindAll("form"));
        Assert.Contains("No messages yet.", cut.Markup);
    }

    [Fact]
    public void People_are_named_with_role_and_presence_and_an_open_seat_offers_the_invite()
    {
        var cut = Render<PeopleList>(p => p
            .Add(x => x.Participants, [new ParticipantView(Me, "Ivy Interviewer", SeatRole.Interviewer, true)])
            .Add(x => x.MyUserId, Me)
            .Add(x => x.Loaded, true)
            .Add(x => x.InviteUrl, "http://example.test/s/1"));

        Assert.Equal("Ivy Interviewer (you), interviewer, online", cut.Find("li.person").GetAttribute("aria-label"));
        Assert.Equal("http://example.test/s/1", cut.Find("#invite-url").GetAttribute("value"));
        Assert.Equal("Invite your partner with this link", cut.Find("label[for=invite-url]").TextContent);
    }

    [Fact]
    public void The_save_status_follows_the_outbox()
    {
        var connected = false;
        var outbox = new CommandOutbox(() => connected, TimeProvider.System);
        var cut = Render<SaveStatus>(p => p.Add(x => x.Outbox, outbox));
        Assert.Equal("Saving: All changes saved", cut.Find("[role=status]").GetAttribute("aria-label"));

        outbox.Enqueue("c1", () => Task.FromResult(CommandResult.Accepted(1)));

        cut.WaitForAssertion(() => Assert.Equal("Saving: 1 change not saved yet", cut.Find("[role=status]").GetAttribute("aria-label")));
    }

    [Fact]
    public void The_palette_names_its_buttons_after_their_components_groups_by_category_and_searches()
    {
        var added = new List<PaletteEntry>();
        PaletteEntry[] entries =
        [
            new("feature-store", "Feature store", "data", "Serves features"),
            new("model-server", "Model server", "ml-serving", "Hosts the model"),
            new("prompt-router", "Prompt router", "llm", "Routes prompts to a model"),
        ];
        var cut = Render<Palette>(p => p.Add(x => x.Entries, entries).Add(x => x.OnAdd, EventCallback.Factory.Create<PaletteEntry>(this, added.Add)));

        Assert.Equal(["Data", "ML serving", "LLM"], cut.FindAll(".palette-group h4").Select(h => h.TextContent));
        cut.Find("button[aria-label='Add Model server']").Click();
        cut.Find("#palette-search").Input("prompt");

        Assert.Equal(["model-server"], added.Select(a => a.Id));
        Assert.Equal(["Add Prompt router"], cut.FindAll(".palette-group button").Select(b => b.GetAttribute("aria-label")));
    }

    [Fact]
    public void Notes_save_the_draft_for_the_current_step()
    {
        (string StepId, string Text)? saved = null;
        var cut = Render<NotesPanel>(p => p
            .Add(x => x.StepId, "framing")
            .Add(x => x.StepTitle, "Frame as an ML task")
            .Add(x => x.OnSave, EventCallback.Factory.Create<(string, string)>(this, n => saved = n)));

        cut.Find("textarea[aria-label='Notes for Frame as an ML task']").Input("Chose ranking, good.");
        cut.Find("button").Click();

        Assert.Equal(("framing", "Chose ranking, good."), saved);
    }
}

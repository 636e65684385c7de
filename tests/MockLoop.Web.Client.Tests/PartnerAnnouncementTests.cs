using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;
using MockLoop.Web.Client.Canvas.Announcements;

namespace MockLoop.Web.Client.Tests;

/// <summary>The partner's changes in words, gathered into one polite announcement per burst.</summary>
public class PartnerAnnouncementTests : CanvasTestContext
{
    private static readonly DiagramDocument TwoLinked = DiagramDocument.Empty
        .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 100, 100, 168, 56)))
        .Apply(new AddNodeOp("op_b", new DiagramNode("n_b", "model-server", "Model server", 400, 100, 168, 56)))
        .Apply(new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b")));

    [Fact]
    public void Each_kind_of_change_is_said_with_the_names_the_diagram_had_before_it()
    {
        Assert.Equal(new ChangeWords("added", "Ranker"),
            ChangeWords.Of(TwoLinked, new AddNodeOp("o1", new DiagramNode("n_c", "model-server", "Ranker", 0, 0, 168, 56))));
        Assert.Equal(new ChangeWords("renamed", "Model server to Ranker"),
            ChangeWords.Of(TwoLinked, new UpdateNodeOp("o2", "n_b", Label: "Ranker")));
        Assert.Equal(new ChangeWords("linked", "Model server to Feature store"),
            ChangeWords.Of(TwoLinked, new AddLinkOp("o3", new DiagramLink("l_ba", "n_b", "n_a"))));
        Assert.Equal(new ChangeWords("deleted", "Model server"), ChangeWords.Of(TwoLinked, new DeleteElementOp("o4", "n_b")));
        Assert.Equal(new ChangeWords("deleted", "the link from Feature store to Model server"),
            ChangeWords.Of(TwoLinked, new DeleteElementOp("o5", "l_ab")));
        Assert.Equal(new ChangeWords("moved", "Feature store"),
            ChangeWords.Of(TwoLinked, new UpdateNodeOp("o6", "n_a", Position: new DiagramPoint(10, 10))));
        // Joining a zone is the side effect of a zone's gesture, said with that gesture.
        Assert.Null(ChangeWords.Of(TwoLinked, new UpdateNodeOp("o7", "n_a", Zone: new ZoneAssignment("z_1"))));
    }

    [Fact]
    public void A_burst_is_one_sentence_per_verb_and_long_lists_are_counted()
    {
        var message = PartnerAnnouncer.Compose(
        [
            ("Cal", new ChangeWords("moved", "the zone Serving")),
            ("Cal", new ChangeWords("moved", "Ranker")),
            ("Cal", new ChangeWords("moved", "Cache")),
            ("Cal", new ChangeWords("moved", "Feature store")),
            ("Cal", new ChangeWords("deleted", "Old store")),
            ("Cal", new ChangeWords("moved", "Ranker")),
        ]);

        Assert.Equal("Cal moved the zone Serving, Ranker and 2 more. Cal deleted Old store.", message);
    }

    [Fact]
    public void The_live_region_says_the_partners_changes_once_gathered_and_never_before()
    {
        var clock = new FakeTimeProvider();
        document = TwoLinked;
        var cut = Render<RoomCanvas>(p => p
            .Add(x => x.Document, document)
            .Add(x => x.Entries, Entries)
            .Add(x => x.PeerName, "Cal")
            .Add(x => x.Clock, clock)
            .Add(x => x.OnOp, EventCallback.Factory.Create<DiagramOp>(this, ops.Add)));
        var region = () => cut.Find("[role=status][aria-live=polite][aria-label=\"Your partner's changes\"]").TextContent;
        Assert.Equal("", region());

        cut.InvokeAsync(() =>
        {
            cut.Instance.AnnouncePartnerOp(TwoLinked, new UpdateNodeOp("o1", "n_b", Label: "Ranker"));
            cut.Instance.AnnouncePartnerOp(TwoLinked, new DeleteElementOp("o2", "l_ab"));
        });
        clock.Advance(PartnerAnnouncer.Gathering - TimeSpan.FromMilliseconds(1));
        Assert.Equal("", region());

        clock.Advance(TimeSpan.FromMilliseconds(1));
        cut.WaitForAssertion(() => Assert.StartsWith(
            "Cal renamed Model server to Ranker. Cal deleted the link from Feature store to Model server.", region()));
    }
}

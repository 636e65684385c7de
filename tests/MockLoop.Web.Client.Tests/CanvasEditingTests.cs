using Microsoft.AspNetCore.Components.Web;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>The canvas wrapper's edits: undo/redo through ops, keyboard shortcuts, read-only, the toolbar and its help.</summary>
public class CanvasEditingTests : CanvasTestContext
{
    private static void Press(IRenderedComponent<RoomCanvas> cut, string key, bool ctrl = false, bool shift = false, string code = "") =>
        cut.Find(".diagram-host").KeyDown(new KeyboardEventArgs { Key = key, Code = code, CtrlKey = ctrl, ShiftKey = shift });

    private static bool IsDisabled(IRenderedComponent<RoomCanvas> cut, string label) =>
        cut.Find($".canvas-toolbar button[aria-label='{label}']").HasAttribute("disabled");

    [Fact]
    public void The_undo_button_deletes_the_node_one_added_and_redo_brings_it_back()
    {
        var cut = RenderCanvas();
        Assert.True(IsDisabled(cut, "Undo"));

        cut.Find("button[aria-label='Add Feature store']").Click();
        Assert.False(IsDisabled(cut, "Undo"));
        var added = Assert.IsType<AddNodeOp>(Assert.Single(ops));

        cut.Find(".canvas-toolbar button[aria-label='Undo']").Click();
        Assert.Equal(added.Node.Id, Assert.IsType<DeleteElementOp>(ops[^1]).ElementId);
        Assert.Empty(document.Nodes);
        Assert.Empty(cut.FindAll("[role=group].bd-node"));

        cut.Find(".canvas-toolbar button[aria-label='Redo']").Click();
        Assert.Equal("Feature store", Assert.Single(document.Nodes).Label);
        Assert.True(IsDisabled(cut, "Redo"));
    }

    [Fact]
    public void Ctrl_A_then_arrows_move_every_selected_node_and_Ctrl_Z_moves_them_back()
    {
        document = DiagramDocument.Empty
            .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 100, 100, 168, 56)))
            .Apply(new AddNodeOp("op_b", new DiagramNode("n_b", "feature-store", "Online store", 400, 100, 168, 56)));
        var cut = RenderCanvas();

        Press(cut, "a", ctrl: true);
        Press(cut, "ArrowRight");
        Press(cut, "ArrowDown", shift: true);

        Assert.Equal([(110d, 150d), (410d, 150d)], document.Nodes.Select(n => (n.X, n.Y)));
        Press(cut, "z", ctrl: true);
        Press(cut, "Z", ctrl: true, shift: true);
        Assert.Equal([(110d, 150d), (410d, 150d)], document.Nodes.Select(n => (n.X, n.Y)));
        Press(cut, "z", ctrl: true);
        Press(cut, "z", ctrl: true);
        Assert.Equal([(100d, 100d), (400d, 100d)], document.Nodes.Select(n => (n.X, n.Y)));
    }

    [Fact]
    public void Delete_removes_the_selection_as_one_gesture_that_one_undo_restores_with_its_link()
    {
        document = DiagramDocument.Empty
            .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 100, 100, 168, 56)))
            .Apply(new AddNodeOp("op_b", new DiagramNode("n_b", "feature-store", "Online store", 400, 100, 168, 56)))
            .Apply(new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b")));
        var cut = RenderCanvas();

        Press(cut, "a", ctrl: true);
        Press(cut, "Delete");
        Assert.Equal(0, document.ElementCount);

        cut.Find(".canvas-toolbar button[aria-label='Undo']").Click();
        Assert.Equal(["Feature store", "Online store"], document.Nodes.Select(n => n.Label).Order());
        Assert.Single(document.Links);
    }

    [Fact]
    public void A_read_only_canvas_offers_no_undo_and_ignores_editing_keys()
    {
        document = DiagramDocument.Empty.Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 100, 100, 168, 56)));
        var cut = RenderCanvas(readOnly: true);

        Assert.Empty(cut.FindAll(".canvas-toolbar button[aria-label='Undo']"));
        Press(cut, "a", ctrl: true);
        Press(cut, "Delete");
        Press(cut, "ArrowRight");

        Assert.Empty(ops);
        Assert.Single(document.Nodes);
    }

    [Fact]
    public void Toolbar_icons_are_inline_svg_and_no_button_relies_on_a_symbol_font()
    {
        var cut = RenderCanvas();

        var buttons = cut.FindAll(".canvas-toolbar button");
        Assert.NotEmpty(buttons);
        // The zoom level is the one button that is its own text ("100%"), as React Flow's was.
        Assert.All(buttons.Where(b => !b.ClassList.Contains("zoom-level")), b =>
        {
            Assert.Single(b.QuerySelectorAll("svg"));
            Assert.Matches("^[A-Za-z ]*$", b.TextContent.Trim());
        });
        Assert.Equal("100%", cut.Find(".canvas-toolbar .zoom-level").TextContent.Trim());
        Assert.All(cut.FindAll(".palette-item .palette-icon"), icon => Assert.Single(icon.QuerySelectorAll("svg")));
    }

    [Fact]
    public void The_shortcut_help_opens_with_question_mark_and_lists_only_viewing_keys_when_read_only()
    {
        var cut = RenderCanvas();
        Press(cut, "?", shift: true);
        var help = cut.Find("[role=dialog][aria-label='Keyboard shortcuts']");
        Assert.Contains("Ctrl+Z", help.TextContent);
        Assert.Contains("Shift+1", help.TextContent);

        var readOnly = RenderCanvas(readOnly: true);
        Press(readOnly, "?", shift: true);
        var viewing = readOnly.Find("[role=dialog][aria-label='Keyboard shortcuts']").TextContent;
        Assert.DoesNotContain("Ctrl+Z", viewing);
        Assert.Contains("Shift+1", viewing);
    }

    [Theory]
    [InlineData("z", true, false, "", CanvasCommand.Undo)]
    [InlineData("Z", true, true, "", CanvasCommand.Redo)]
    [InlineData("y", true, false, "", CanvasCommand.Redo)]
    [InlineData("a", true, false, "", CanvasCommand.SelectAll)]
    [InlineData("Backspace", false, false, "", CanvasCommand.Delete)]
    [InlineData("!", false, true, "Digit1", CanvasCommand.FitView)]
    [InlineData("Escape", false, false, "", CanvasCommand.ClearSelection)]
    [InlineData("x", false, false, "", CanvasCommand.None)]
    public void Key_presses_map_to_canvas_commands(string key, bool ctrl, bool shift, string code, CanvasCommand expected)
    {
        Assert.Equal(expected, CanvasKeys.CommandFor(new CanvasKeyPress(key, code, ctrl, shift)).Command);
    }

    [Fact]
    public void Arrows_move_by_the_small_step_and_by_the_big_one_with_shift()
    {
        Assert.Equal((CanvasCommand.Nudge, -CanvasKeys.NudgeStep, 0d), CanvasKeys.CommandFor(new CanvasKeyPress("ArrowLeft")));
        Assert.Equal((CanvasCommand.Nudge, 0d, CanvasKeys.BigNudgeStep), CanvasKeys.CommandFor(new CanvasKeyPress("ArrowDown", Shift: true)));
    }
}

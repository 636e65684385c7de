using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas.Keyboard;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// The canvas from the keyboard: one node in the tab order at a time (roving tabindex), focus that follows what the
/// person did (a new node, the end of a rename, a deleted neighbour), and the keyboard behaviours (NodeFocusKeys,
/// KeyboardLinking) that turn keys on a node into the same ops a mouse gesture sends.
/// </summary>
public partial class RoomCanvas : ICanvasKeyboardHost
{
    private readonly NodeFocusKeys nodeFocusKeys = new();
    private readonly KeyboardLinking keyboardLinking = new();
    private ElementReference drawingHost;

    /// <summary>The node in the tab order; the first in reading order when none was focused yet (or it is gone).</summary>
    private string? rovingId;

    /// <summary>The node a render should move focus to (its widget claims it once drawn), and one to select once drawn.</summary>
    private string? focusRequest, selectRequest;

    /// <summary>The node or zone that has keyboard focus, or null.</summary>
    public string? FocusedId { get; private set; }

    IReadOnlyList<string> ICanvasKeyboardHost.SelectedIds => [.. selection.OfType<NodeModel>().Select(m => m.Id)];

    /// <summary>Only the tab stop takes Tab; the others are reached with the arrow keys.</summary>
    internal int TabIndexFor(string id) => id == TabStopId ? 0 : -1;

    private string? TabStopId => rovingId is not null && nodeModels.ContainsKey(rovingId)
        ? rovingId
        : Boxes().Where(b => nodeModels.ContainsKey(b.Id)).OrderBy(b => b.Y).ThenBy(b => b.X).FirstOrDefault()?.Id;

    internal string? LinkSourceId => keyboardLinking.SourceId;

    internal bool IsLinkTarget(string id) => keyboardLinking.Active && FocusedId == id && id != keyboardLinking.SourceId;

    /// <summary>Which hint a focused node is described by: what its keys do now.</summary>
    internal string HintIdFor(string id) => selection.Any(m => m.Id == id) ? "canvas-hint-selected" : "canvas-hint-node";

    internal void NodeFocused(string id)
    {
        FocusedId = id;
        SetRoving(id);
    }

    internal void NodeBlurred(string id)
    {
        if (FocusedId == id)
        {
            FocusedId = null;
        }
    }

    /// <summary>Asked by a node's widget after each render: whether it should take focus now (once).</summary>
    internal bool ClaimFocus(string id)
    {
        if (focusRequest != id)
        {
            return false;
        }
        focusRequest = null;
        return true;
    }

    public void Focus(string id)
    {
        FocusedId = id;
        focusRequest = id;
        SetRoving(id);
        RefreshModel(id);
        ScrollIntoView(id);
    }

    public void Select(string id)
    {
        if (nodeModels.GetValueOrDefault(id) is { } model)
        {
            diagram.SelectModel(model, unselectOthers: true);
        }
    }

    void ICanvasKeyboardHost.StartEditing(string id) => StartEditing(id);

    Task ICanvasKeyboardHost.EditAsync(IReadOnlyList<DiagramOp> ops) => EditAsync([.. ops]);

    void ICanvasKeyboardHost.ShowNotice(string text) => ShowNotice(text);

    public string TitleOf(string id) => nodeModels.GetValueOrDefault(id)?.Title ?? "";

    public IReadOnlyList<NodeBox> Boxes(bool nodesOnly = false)
    {
        var nodes = Document.Nodes.Select(n => new NodeBox(n.Id, n.X, n.Y, n.Width, n.Height));
        return nodesOnly ? [.. nodes] : [.. nodes, .. Document.Zones.Select(z => new NodeBox(z.Id, z.X, z.Y, z.Width, z.Height))];
    }

    /// <summary>A node this person added: selected and focused as soon as it is drawn (it may not be yet).</summary>
    private void SelectAndFocusWhenDrawn(string id)
    {
        selectRequest = id;
        focusRequest = id;
        FocusedId = id;
        SetRoving(id);
        SelectRequested();
    }

    /// <summary>After a draw: the node asked to be selected exists now.</summary>
    private void SelectRequested()
    {
        if (selectRequest is { } id && nodeModels.ContainsKey(id))
        {
            selectRequest = null;
            Select(id);
            RefreshModel(id);
        }
    }

    /// <summary>The keys for a focused node or a link being chosen; false leaves the key to the canvas's shortcuts.</summary>
    private async Task<bool> HandleNodeKeysAsync(CanvasCommand command, double dx, double dy) =>
        await keyboardLinking.HandleAsync(this, command, dx, dy) || nodeFocusKeys.Handle(this, command, dx, dy);

    /// <summary>
    /// Focus on a node about to be deleted would fall to the top of the page: it goes to the nearest node left, or to
    /// the drawing itself.
    /// </summary>
    private async Task KeepFocusOffAsync(IReadOnlyCollection<string> deleted)
    {
        if (FocusedId is not { } focused || !deleted.Contains(focused))
        {
            return;
        }
        var boxes = Boxes().Where(b => b.Id == focused || !deleted.Contains(b.Id)).ToList();
        if (boxes.FirstOrDefault(b => b.Id == focused) is { } from && SpatialFocus.Nearest(boxes, from) is { } next)
        {
            Focus(next);
            return;
        }
        FocusedId = null;
        await drawingHost.FocusAsync(preventScroll: true);
    }

    private void SetRoving(string id)
    {
        var previous = TabStopId;
        rovingId = id;
        if (previous != id)
        {
            RefreshModel(previous);
            RefreshModel(id);
        }
    }

    /// <summary>Focus moved by key to a node outside the view: the view pans so it is in the middle.</summary>
    private void ScrollIntoView(string id)
    {
        if (Document.FindNode(id) is not { } node || diagram.Container is not { Width: > 0 } view)
        {
            return;
        }
        var left = node.X * diagram.Zoom + diagram.Pan.X;
        var top = node.Y * diagram.Zoom + diagram.Pan.Y;
        if (left >= 0 && top >= 0 && left + node.Width * diagram.Zoom <= view.Width && top + node.Height * diagram.Zoom <= view.Height)
        {
            return;
        }
        diagram.SetPan(view.Width / 2 - (node.X + node.Width / 2) * diagram.Zoom, view.Height / 2 - (node.Y + node.Height / 2) * diagram.Zoom);
    }

    private void OnLinkingChanged()
    {
        // The source and target highlights, and the hint, follow.
        foreach (var model in nodeModels.Values)
        {
            model.Refresh();
        }
        StateHasChanged();
    }
}

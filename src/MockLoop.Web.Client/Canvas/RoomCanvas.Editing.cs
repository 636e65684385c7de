using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MockLoop.Core.Diagrams;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// The canvas's edits beyond single clicks: undo and redo of one's own changes, keyboard shortcuts, moving the
/// selection with the arrow keys, resizing, and a multi-node drag sent as one gesture.
/// </summary>
public partial class RoomCanvas
{
    /// <summary>Smallest sizes a resize may reach, so a label and its icon always stay readable.</summary>
    private static readonly DiagramSize MinNodeSize = new(80, 36);
    private static readonly DiagramSize MinZoneSize = new(160, 100);

    private readonly UndoHistory history = new(Ids.New);
    private readonly Dictionary<string, DiagramPoint> queuedMoves = new(StringComparer.Ordinal);
    private Resize? resizing;

    private sealed record Resize(NodeModel Model, double StartX, double StartY, double Width, double Height);

    /// <summary>
    /// One gesture's ops: recorded for undo against the document they apply to, then handed to the room, which applies
    /// them locally and sends them through its outbox.
    /// </summary>
    private async Task EditAsync(params DiagramOp[] ops)
    {
        if (ReadOnly || ops.Length == 0)
        {
            return;
        }
        history.Record(ops, Document);
        foreach (var op in ops)
        {
            await OnOp.InvokeAsync(op);
        }
    }

    /// <summary>Inverse ops go out like any edit (and are not recorded again: the history keeps their own inverse).</summary>
    private async Task UndoAsync()
    {
        if (!ReadOnly)
        {
            await SendAsync(history.Undo(Document));
        }
    }

    private async Task RedoAsync()
    {
        if (!ReadOnly)
        {
            await SendAsync(history.Redo(Document));
        }
    }

    private async Task SendAsync(IReadOnlyList<DiagramOp> ops)
    {
        foreach (var op in ops)
        {
            await OnOp.InvokeAsync(op);
        }
    }

    /// <summary>
    /// The library reports a multi-node drag as one "moved" per node at the same pointer-up; they are gathered and sent
    /// as one gesture (Core's zone rules included), so one undo puts them all back.
    /// </summary>
    private void QueueMove(string id, DiagramPoint to)
    {
        queuedMoves[id] = to;
        if (queuedMoves.Count == 1)
        {
            _ = InvokeAsync(async () =>
            {
                await Task.Yield();
                var moved = new Dictionary<string, DiagramPoint>(queuedMoves, StringComparer.Ordinal);
                queuedMoves.Clear();
                await EditAsync([.. DiagramGestures.Move(Document, Ids.New, moved)]);
            });
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        var (command, dx, dy) = CanvasKeys.CommandFor(new CanvasKeyPress(e.Key ?? "", e.Code ?? "", e.CtrlKey, e.ShiftKey, e.AltKey, e.MetaKey));
        if (await HandleNodeKeysAsync(command, dx, dy))
        {
            return;
        }
        switch (command)
        {
            case CanvasCommand.Undo:
                await UndoAsync();
                break;
            case CanvasCommand.Redo:
                await RedoAsync();
                break;
            case CanvasCommand.Delete:
                await DeleteSelectedAsync();
                break;
            case CanvasCommand.SelectAll:
                foreach (var node in diagram.Nodes)
                {
                    diagram.SelectModel(node, unselectOthers: false);
                }
                break;
            case CanvasCommand.ClearSelection:
                diagram.UnselectAll();
                break;
            case CanvasCommand.FitView:
                FitView();
                break;
            case CanvasCommand.ZoomIn:
                ZoomBy(1.2);
                break;
            case CanvasCommand.ZoomOut:
                ZoomBy(1 / 1.2);
                break;
            case CanvasCommand.Rename when selection is [NodeModel node] && !ReadOnly:
                StartEditing(node.Id);
                break;
            case CanvasCommand.Rename when selection.Count == 1 && !ReadOnly:
                await renameInput.FocusAsync();
                break;
            case CanvasCommand.ToggleHelp:
                showHelp = !showHelp;
                break;
            case CanvasCommand.Nudge:
                await NudgeAsync(dx, dy);
                break;
        }
    }

    /// <summary>Moves every selected node and zone by the same amount, as one gesture (zone rules as for a drag).</summary>
    private Task NudgeAsync(double dx, double dy)
    {
        var moved = new Dictionary<string, DiagramPoint>(StringComparer.Ordinal);
        foreach (var model in selection)
        {
            switch (model)
            {
                case ComponentNodeModel node when Document.FindNode(node.Id) is { } n:
                    moved[n.Id] = new DiagramPoint(Round(n.X + dx), Round(n.Y + dy));
                    break;
                case ZoneNodeModel zone when Document.FindZone(zone.Id) is { } z:
                    moved[z.Id] = new DiagramPoint(Round(z.X + dx), Round(z.Y + dy));
                    break;
            }
        }
        return EditAsync([.. DiagramGestures.Move(Document, Ids.New, moved)]);
    }

    /// <summary>A node's or zone's resize handle was pressed: follow the pointer until it is released.</summary>
    internal void StartResize(NodeModel model, PointerEventArgs e)
    {
        if (ReadOnly || model.Size is not { } size)
        {
            return;
        }
        resizing = new Resize(model, e.ClientX, e.ClientY, size.Width, size.Height);
    }

    private void ResizeTo(double clientX, double clientY)
    {
        if (resizing is not { } r)
        {
            return;
        }
        var min = r.Model is ZoneNodeModel ? MinZoneSize : MinNodeSize;
        var width = Math.Max(min.Width, Round(r.Width + (clientX - r.StartX) / diagram.Zoom));
        var height = Math.Max(min.Height, Round(r.Height + (clientY - r.StartY) / diagram.Zoom));
        // Only the drawing follows the pointer; the document changes once, when the pointer is released.
        r.Model.Size = new Size(width, height);
        r.Model.RefreshAll();
    }

    private void OnPointerUp(Model? model, Blazor.Diagrams.Core.Events.PointerEventArgs e)
    {
        FinishLink(e.ClientX, e.ClientY);
        dragging = false;
        if (resizing is not { } r)
        {
            return;
        }
        resizing = null;
        ResizeTo(e.ClientX, e.ClientY);
        var size = new DiagramSize(r.Model.Size!.Width, r.Model.Size.Height);
        _ = InvokeAsync(() => EditAsync([.. DiagramGestures.Resize(Document, Ids.New, r.Model.Id, size)]));
    }
}

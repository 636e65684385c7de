using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components.Web;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// What the canvas draws while a gesture is under way, its own or the partner's: a zone's members riding along with
/// it, the zone a dragged node would join, the partner's name on what they move, a link following the pointer from
/// a node's handle, and the inline label editor. Core decides every rule (DiagramGestures); this only draws.
/// </summary>
public partial class RoomCanvas
{
    /// <summary>A partner's preview that stops (a lost drop, a partner who left mid-drag) fades after this long.</summary>
    private static readonly TimeSpan PeerDragExpiry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NoticeDuration = TimeSpan.FromSeconds(4);

    private readonly Dictionary<string, (DiagramPoint At, DateTimeOffset Seen)> peerDrags = new(StringComparer.Ordinal);
    private Linking? linking;
    private bool dragging;
    private string? notice;
    private int noticeVersion;

    private sealed record Linking(string SourceId, DiagramPoint From, DiagramPoint To);

    /// <summary>The element whose label is being typed in place, or null.</summary>
    internal string? EditingId { get; private set; }

    /// <summary>While this person drags a node: the zone it would join at the drop (highlighted), or null.</summary>
    internal string? DropZoneId { get; private set; }

    internal void StartEditing(string id)
    {
        if (ReadOnly || Document.KindOf(id) is null)
        {
            return;
        }
        var previous = EditingId;
        EditingId = id;
        RefreshModel(previous);
        RefreshModel(id);
    }

    /// <param name="returnFocus">
    /// Ended from the keyboard (Enter, Escape): focus goes back to the node, not to the top of the page. Ended by
    /// clicking elsewhere: focus stays where the person clicked.
    /// </param>
    internal void CancelEditing(bool returnFocus = false)
    {
        var id = EditingId;
        EditingId = null;
        RefreshModel(id);
        if (returnFocus && id is not null && nodeModels.ContainsKey(id))
        {
            Focus(id);
        }
    }

    internal async Task CommitLabelAsync(string id, LabelEdit edit)
    {
        CancelEditing(edit.ByKey);
        await EditAsync([.. DiagramGestures.Rename(Document, Ids.New, id, edit.Text)]);
    }

    private void RefreshModel(string? id)
    {
        if (id is not null && nodeModels.GetValueOrDefault(id) is { } model)
        {
            model.Refresh();
        }
    }

    /// <summary>A node's link handle was pressed: a link follows the pointer until it is released.</summary>
    internal void StartLink(ComponentNodeModel node, PointerEventArgs e)
    {
        if (ReadOnly || Document.FindNode(node.Id) is not { } source)
        {
            return;
        }
        var centre = new DiagramPoint(source.X + source.Width / 2, source.Y + source.Height / 2);
        var at = diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        linking = new Linking(node.Id, centre, new DiagramPoint(at.X, at.Y));
        StateHasChanged();
    }

    private void LinkTo(double clientX, double clientY)
    {
        if (linking is { } l)
        {
            var at = diagram.GetRelativeMousePoint(clientX, clientY);
            linking = l with { To = new DiagramPoint(at.X, at.Y) };
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>Released: a link to the node under the pointer, or the reason there is none (released on empty space: nothing).</summary>
    private void FinishLink(double clientX, double clientY)
    {
        if (linking is not { } l)
        {
            return;
        }
        linking = null;
        var at = diagram.GetRelativeMousePoint(clientX, clientY);
        var target = DiagramGestures.NodeAt(Document, new DiagramPoint(at.X, at.Y));
        _ = InvokeAsync(async () =>
        {
            if (target is not null && target != l.SourceId)
            {
                var plan = DiagramGestures.Link(Document, Ids.New, l.SourceId, target);
                if (plan.Problem is { } problem)
                {
                    ShowNotice(problem);
                }
                await EditAsync([.. plan.Ops]);
            }
            StateHasChanged();
        });
    }

    /// <summary>A short message over the canvas (why something could not be done) that goes after a few seconds.</summary>
    private void ShowNotice(string text)
    {
        notice = text;
        var version = ++noticeVersion;
        StateHasChanged();
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(NoticeDuration, Clock);
            if (version == noticeVersion)
            {
                notice = null;
                StateHasChanged();
            }
        });
    }

    /// <summary>
    /// This person is dragging: the members of a dragged zone ride along (Core's Carried, the same offsets the drop
    /// will store), the zone a dragged node would join lights up, and positions go to the partner, at most 20 a second.
    /// </summary>
    private void OnMoving(NodeModel model)
    {
        if (syncing || ReadOnly)
        {
            return;
        }
        dragging = true;
        var dragged = diagram.Nodes.Where(n => n.Selected || ReferenceEquals(n, model))
            .ToDictionary(n => n.Id, n => new DiagramPoint(n.Position.X, n.Position.Y), StringComparer.Ordinal);
        MoveModels(DiagramGestures.Carried(Document, dragged), peerName: null);
        if (model is ComponentNodeModel && Document.FindNode(model.Id) is { } node)
        {
            var zonesNow = Document.Zones.Select(z => dragged.TryGetValue(z.Id, out var p) ? z with { X = p.X, Y = p.Y } : z);
            var dropZone = DiagramGestures.ZoneAt(zonesNow, new DiagramPoint(model.Position.X + node.Width / 2, model.Position.Y + node.Height / 2));
            if (dropZone != DropZoneId)
            {
                var previous = DropZoneId;
                DropZoneId = dropZone;
                RefreshModel(previous);
                RefreshModel(dropZone);
            }
        }

        // Paced (the newest position is always sent); a multi-selection's previews go as one batch.
        previewPacer.Offer([.. dragged.Select(d => (d.Key, Round(d.Value.X), Round(d.Value.Y)))]);
    }

    /// <summary>The peer is dragging a node or zone: show it moving with their name on it; a zone carries its members.</summary>
    public void ShowPeerDrag(PeerDragMessage drag)
    {
        if (!nodeModels.ContainsKey(drag.NodeId) || !double.IsFinite(drag.X) || !double.IsFinite(drag.Y))
        {
            return;
        }
        peerDrags[drag.NodeId] = (new DiagramPoint(drag.X, drag.Y), Clock.GetUtcNow());
        DrawPeerDrags();
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(PeerDragExpiry, Clock);
            ExpirePeerDrags();
        });
    }

    private void DrawPeerDrags()
    {
        var positions = peerDrags.ToDictionary(d => d.Key, d => d.Value.At, StringComparer.Ordinal);
        foreach (var (id, at) in DiagramGestures.Carried(Document, positions))
        {
            positions.TryAdd(id, at);
        }
        MoveModels(positions, PeerName ?? "Your partner");
    }

    private void ExpirePeerDrags()
    {
        var now = Clock.GetUtcNow();
        var stale = peerDrags.Where(d => now - d.Value.Seen >= PeerDragExpiry).Select(d => d.Key).ToList();
        if (stale.Count == 0)
        {
            return;
        }
        foreach (var id in stale)
        {
            peerDrags.Remove(id);
        }
        // Back to where the document has everything, then the drags still going on top.
        ClearPeerDrags();
        Draw(Document);
        DrawPeerDrags();
    }

    /// <summary>The document changed (a drop arrived as an op): previews are over, the document has the positions.</summary>
    private void ClearPeerDrags()
    {
        foreach (var model in nodeModels.Values)
        {
            SetPeerName(model, null);
        }
    }

    private void MoveModels(IReadOnlyDictionary<string, DiagramPoint> positions, string? peerName)
    {
        syncing = true;
        try
        {
            foreach (var (id, at) in positions)
            {
                if (nodeModels.GetValueOrDefault(id) is { } model)
                {
                    SetPeerName(model, peerName);
                    model.SetPosition(at.X, at.Y);
                    model.Refresh();
                }
            }
        }
        finally
        {
            syncing = false;
        }
    }

    private static void SetPeerName(NodeModel model, string? name)
    {
        switch (model)
        {
            case ComponentNodeModel node when node.PeerName != name:
                node.PeerName = name;
                node.Refresh();
                break;
            case ZoneNodeModel zone when zone.PeerName != name:
                zone.PeerName = name;
                zone.Refresh();
                break;
        }
    }
}

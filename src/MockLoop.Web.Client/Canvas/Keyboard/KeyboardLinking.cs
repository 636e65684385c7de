using MockLoop.Core.Diagrams;

namespace MockLoop.Web.Client.Canvas.Keyboard;

/// <summary>
/// A link drawn from the keyboard, the way a drag from a node's handle draws one: L on the selected (or focused) node
/// starts it, the arrow keys walk focus over the other nodes, Enter links to the focused one, Escape gives up. Core's
/// link rule decides, as it does for the drag.
/// </summary>
public sealed class KeyboardLinking
{
    /// <summary>The node the link starts from while a target is being chosen, or null.</summary>
    public string? SourceId { get; private set; }

    public bool Active => SourceId is not null;

    /// <summary>Called when the chosen target changes or linking ends, so the canvas redraws the hint.</summary>
    public event Action? Changed;

    /// <returns>Whether the key was handled here. While a target is being chosen every canvas command is.</returns>
    public async Task<bool> HandleAsync(ICanvasKeyboardHost host, CanvasCommand command, double dx, double dy)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (SourceId is not { } source)
        {
            return command == CanvasCommand.Link && Start(host);
        }
        switch (command)
        {
            case CanvasCommand.Nudge:
                // Measured from the node that has focus; the source itself is never a target.
                var from = host.FocusedId ?? source;
                var boxes = host.Boxes(nodesOnly: true).Where(b => b.Id != source || b.Id == from).ToList();
                if (SpatialFocus.Next(boxes, from, dx, dy) is { } next && next != source)
                {
                    host.Focus(next);
                    Changed?.Invoke();
                }
                return true;
            case CanvasCommand.Activate or CanvasCommand.Select:
                var target = host.FocusedId;
                Stop();
                if (target is not null && target != source)
                {
                    var plan = DiagramGestures.Link(host.Document, Ids.New, source, target);
                    if (plan.Problem is { } problem)
                    {
                        host.ShowNotice(problem);
                    }
                    await host.EditAsync(plan.Ops);
                }
                return true;
            case CanvasCommand.ClearSelection:
                Stop();
                host.Focus(source);
                return true;
            case CanvasCommand.None:
                return false;
            default:
                return true;
        }
    }

    /// <summary>What a screen reader and the sighted both read while a target is chosen.</summary>
    public string? Hint(ICanvasKeyboardHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (SourceId is not { } source)
        {
            return null;
        }
        var target = host.FocusedId is { } f && f != source ? $" to {host.TitleOf(f)}" : "";
        return $"Linking {host.TitleOf(source)}{target}: arrow keys choose the target, Enter links, Escape cancels.";
    }

    /// <summary>Forgets a link being chosen (the source was deleted, the canvas became read-only).</summary>
    public void Stop()
    {
        if (SourceId is not null)
        {
            SourceId = null;
            Changed?.Invoke();
        }
    }

    private bool Start(ICanvasKeyboardHost host)
    {
        var source = host.SelectedIds is [var only] ? only : host.SelectedIds.Count == 0 ? host.FocusedId : null;
        if (host.ReadOnly || source is null || host.Document.FindNode(source) is not { } node)
        {
            return false;
        }
        var boxes = host.Boxes(nodesOnly: true);
        var from = new NodeBox(node.Id, node.X, node.Y, node.Width, node.Height);
        if (SpatialFocus.Nearest(boxes, from) is not { } first)
        {
            host.ShowNotice("Add another component to link this one to.");
            return true;
        }
        SourceId = source;
        host.Focus(first);
        Changed?.Invoke();
        return true;
    }
}

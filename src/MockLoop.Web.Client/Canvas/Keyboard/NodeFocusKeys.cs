namespace MockLoop.Web.Client.Canvas.Keyboard;

/// <summary>
/// Keys on a focused node: arrows go to the next node that way (while the node is not selected; once selected they
/// move it), Enter or Space selects it, Enter again (or F2) renames it, and Delete deletes the node that has focus
/// rather than a selection elsewhere that the person may not see.
/// </summary>
public sealed class NodeFocusKeys
{
    /// <returns>Whether the key was handled here; otherwise the canvas's shortcuts apply to the selection.</returns>
    public bool Handle(ICanvasKeyboardHost host, CanvasCommand command, double dx, double dy)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.FocusedId is not { } focused)
        {
            return false;
        }
        var selected = host.SelectedIds.Contains(focused);
        switch (command)
        {
            case CanvasCommand.Nudge when !selected:
                if (SpatialFocus.Next(host.Boxes(), focused, dx, dy) is { } next)
                {
                    host.Focus(next);
                }
                return true;
            case CanvasCommand.Activate when host.SelectedIds is [var only] && only == focused:
                host.StartEditing(focused);
                return true;
            case CanvasCommand.Activate or CanvasCommand.Select:
                host.Select(focused);
                return true;
            case CanvasCommand.Rename or CanvasCommand.Delete when !selected:
                // Then the canvas's own rename or delete acts on it.
                host.Select(focused);
                return false;
            default:
                return false;
        }
    }
}

namespace MockLoop.Web.Client.Canvas;

/// <summary>What a key press on the canvas asks for.</summary>
public enum CanvasCommand
{
    None,
    Undo,
    Redo,
    Delete,
    SelectAll,
    ClearSelection,
    FitView,
    ZoomIn,
    ZoomOut,
    ToggleHelp,
    Rename,
    Nudge,

    /// <summary>Enter: select the focused node; on the node already selected, rename it.</summary>
    Activate,

    /// <summary>Space: select the focused node.</summary>
    Select,

    /// <summary>L: start a link from the selected node, its target then chosen with the arrow keys.</summary>
    Link,
}

/// <summary>A key press as the canvas sees it (the browser's key, code and modifiers).</summary>
public sealed record CanvasKeyPress(string Key, string Code = "", bool Ctrl = false, bool Shift = false, bool Alt = false, bool Meta = false);

/// <summary>
/// Which key presses are canvas shortcuts, in one place so the shortcut help lists exactly these. Edits (undo, delete,
/// nudge) are ignored by a read-only canvas; the rest work on any canvas.
/// </summary>
public static class CanvasKeys
{
    /// <summary>Canvas units an arrow key moves the selection; with Shift, the bigger step.</summary>
    public const double NudgeStep = 10;
    public const double BigNudgeStep = 50;

    public static (CanvasCommand Command, double Dx, double Dy) CommandFor(CanvasKeyPress press)
    {
        ArgumentNullException.ThrowIfNull(press);
        var mod = press.Ctrl || press.Meta;
        var key = press.Key.Length == 1 ? press.Key.ToLowerInvariant() : press.Key;
        if (press.Alt)
        {
            return (CanvasCommand.None, 0, 0);
        }

        if (mod)
        {
            return key switch
            {
                "z" => (press.Shift ? CanvasCommand.Redo : CanvasCommand.Undo, 0, 0),
                "y" => (CanvasCommand.Redo, 0, 0),
                "a" => (CanvasCommand.SelectAll, 0, 0),
                _ => (CanvasCommand.None, 0, 0),
            };
        }

        // By code, so Shift+1 works on keyboard layouts where it types something other than "!".
        if (press.Shift && press.Code == "Digit1")
        {
            return (CanvasCommand.FitView, 0, 0);
        }

        var step = press.Shift ? BigNudgeStep : NudgeStep;
        return key switch
        {
            "Delete" or "Backspace" => (CanvasCommand.Delete, 0, 0),
            "Escape" => (CanvasCommand.ClearSelection, 0, 0),
            "F2" => (CanvasCommand.Rename, 0, 0),
            "Enter" => (CanvasCommand.Activate, 0, 0),
            " " when !press.Shift => (CanvasCommand.Select, 0, 0),
            "l" when !press.Shift => (CanvasCommand.Link, 0, 0),
            "?" => (CanvasCommand.ToggleHelp, 0, 0),
            "+" or "=" => (CanvasCommand.ZoomIn, 0, 0),
            "-" or "_" => (CanvasCommand.ZoomOut, 0, 0),
            "ArrowLeft" => (CanvasCommand.Nudge, -step, 0),
            "ArrowRight" => (CanvasCommand.Nudge, step, 0),
            "ArrowUp" => (CanvasCommand.Nudge, 0, -step),
            "ArrowDown" => (CanvasCommand.Nudge, 0, step),
            _ => (CanvasCommand.None, 0, 0),
        };
    }
}

namespace MockLoop.Web.Client.Canvas.Keyboard;

/// <summary>Where a node sits on the canvas, in canvas units: what spatial keyboard focus measures.</summary>
public sealed record NodeBox(string Id, double X, double Y, double Width, double Height)
{
    public double CentreX => X + Width / 2;
    public double CentreY => Y + Height / 2;
}

/// <summary>
/// Which node an arrow key goes to from the focused one: the nearest node whose centre lies in that direction, where
/// being off the axis counts double, so Right goes to the node beside rather than to one far below and a little right.
/// </summary>
public static class SpatialFocus
{
    /// <summary>How much more being off the arrow's axis costs than distance along it.</summary>
    private const double OffAxisWeight = 2;

    /// <param name="dx">The arrow's direction across (its sign is what counts).</param>
    /// <param name="dy">The arrow's direction down (its sign is what counts).</param>
    /// <returns>The next node's id, or null when nothing lies that way (focus stays).</returns>
    public static string? Next(IReadOnlyList<NodeBox> boxes, string fromId, double dx, double dy)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        if (boxes.FirstOrDefault(b => b.Id == fromId) is not { } from)
        {
            return boxes.FirstOrDefault()?.Id;
        }
        var (ux, uy) = (Math.Sign(dx), Math.Sign(dy));
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var box in boxes)
        {
            var (x, y) = (box.CentreX - from.CentreX, box.CentreY - from.CentreY);
            var along = x * ux + y * uy;
            if (box.Id == fromId || along <= 0)
            {
                continue;
            }
            var score = along + OffAxisWeight * Math.Abs(x * uy - y * ux);
            if (score < bestScore)
            {
                (best, bestScore) = (box.Id, score);
            }
        }
        return best;
    }

    /// <summary>The node closest to a given one in any direction (focus after that one is deleted), or null.</summary>
    public static string? Nearest(IReadOnlyList<NodeBox> boxes, NodeBox from)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(from);
        return boxes.Where(b => b.Id != from.Id)
            .MinBy(b => Math.Pow(b.CentreX - from.CentreX, 2) + Math.Pow(b.CentreY - from.CentreY, 2))?.Id;
    }
}

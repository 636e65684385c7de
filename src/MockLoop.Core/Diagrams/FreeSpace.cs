namespace MockLoop.Core.Diagrams;

/// <summary>
/// Where a new node goes: the free spot nearest to a point (the centre of what the person sees), so several palette
/// clicks in a row lay nodes out side by side instead of stacking them on one spot. Zones do not count as taken:
/// nodes are meant to sit on them.
/// </summary>
public static class FreeSpace
{
    /// <summary>The space kept between a new node and its neighbours.</summary>
    public const double Gap = 24;

    /// <summary>How many rings of candidate spots are tried around the centre before giving up on free space.</summary>
    public const int MaxRings = 40;

    /// <summary>
    /// The top-left corner for a node of <paramref name="size"/> as close as possible to being centred on
    /// <paramref name="centre"/> without overlapping any node of <paramref name="document"/> (keeping <see cref="Gap"/>).
    /// Candidates are a grid of node-sized cells around the centre, tried nearest first (counted in cells, so the
    /// nodes gather in a compact block whatever their shape); ties go to the centre's row, then right before left,
    /// then below before above, so every browser agrees.
    /// </summary>
    public static DiagramPoint Near(DiagramDocument document, DiagramPoint centre, DiagramSize size)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(size);
        // Whole canvas units, so a neighbour one cell away sits exactly Gap away however the client rounds positions.
        var origin = new DiagramPoint(Math.Round(centre.X - size.Width / 2), Math.Round(centre.Y - size.Height / 2));
        var stepX = size.Width + Gap;
        var stepY = size.Height + Gap;
        var taken = document.Nodes.ToList();

        foreach (var (col, row) in CellsNearestFirst())
        {
            var spot = new DiagramPoint(origin.X + col * stepX, origin.Y + row * stepY);
            if (!taken.Any(node => Overlaps(node, spot, size)))
            {
                return spot;
            }
        }

        // Every cell within reach is taken (a very crowded view): fall back to the centre rather than refuse the node.
        return origin;
    }

    /// <summary>Closer than <see cref="Gap"/> (with a tolerance for positions rounded by a client) counts as taken.</summary>
    private static bool Overlaps(DiagramNode node, DiagramPoint spot, DiagramSize size) =>
        spot.X < node.X + node.Width + Gap - Tolerance && node.X < spot.X + size.Width + Gap - Tolerance
        && spot.Y < node.Y + node.Height + Gap - Tolerance && node.Y < spot.Y + size.Height + Gap - Tolerance;

    private const double Tolerance = 0.5;

    private static IEnumerable<(int Col, int Row)> CellsNearestFirst()
    {
        var cells = new List<(int Col, int Row)>();
        for (var row = -MaxRings; row <= MaxRings; row++)
        {
            for (var col = -MaxRings; col <= MaxRings; col++)
            {
                cells.Add((col, row));
            }
        }
        return cells
            .OrderBy(c => c.Col * c.Col + c.Row * c.Row)
            .ThenBy(c => Math.Abs(c.Row))
            .ThenByDescending(c => c.Col)
            .ThenByDescending(c => c.Row);
    }
}

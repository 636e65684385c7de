using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>What must hold for any document, confirmed or optimistic: references resolve and ids are used once.</summary>
internal static class DiagramInvariants
{
    public static void AssertConsistent(DiagramDocument document)
    {
        var nodeIds = document.Nodes.Select(n => n.Id).ToHashSet();
        var zoneIds = document.Zones.Select(z => z.Id).ToHashSet();
        foreach (var node in document.Nodes)
        {
            Assert.True(node.ZoneId is null || zoneIds.Contains(node.ZoneId), $"{node.Id} is in missing zone {node.ZoneId}");
        }

        foreach (var link in document.Links)
        {
            Assert.True(nodeIds.Contains(link.SourceId) && nodeIds.Contains(link.TargetId), $"{link.Id} dangles");
        }

        var live = nodeIds.Concat(zoneIds).Concat(document.Links.Select(l => l.Id)).ToList();
        Assert.Equal(live.Count, live.Distinct().Count());
        Assert.DoesNotContain(live, document.IsDeleted);
    }
}

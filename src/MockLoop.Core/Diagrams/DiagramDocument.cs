using System.Collections.Immutable;

namespace MockLoop.Core.Diagrams;

/// <summary>
/// The shared architecture canvas of one session: nodes, zones, links, and the ids of deleted elements (tombstones).
/// Immutable: <see cref="Apply(DiagramOp)"/> returns a new document. Elements are kept sorted by id (ordinal), so
/// two documents built by the same ops in the same order are equal, and the canonical JSON is byte-for-byte stable.
/// </summary>
public sealed partial class DiagramDocument : IEquatable<DiagramDocument>
{
    private readonly ImmutableSortedDictionary<string, DiagramNode> nodes;
    private readonly ImmutableSortedDictionary<string, DiagramZone> zones;
    private readonly ImmutableSortedDictionary<string, DiagramLink> links;
    private readonly ImmutableSortedSet<string> deleted;

    private DiagramDocument(
        ImmutableSortedDictionary<string, DiagramNode> nodes,
        ImmutableSortedDictionary<string, DiagramZone> zones,
        ImmutableSortedDictionary<string, DiagramLink> links,
        ImmutableSortedSet<string> deleted)
    {
        this.nodes = nodes;
        this.zones = zones;
        this.links = links;
        this.deleted = deleted;
    }

    public static DiagramDocument Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, DiagramNode>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, DiagramZone>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, DiagramLink>(StringComparer.Ordinal),
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    /// <summary>Nodes sorted by id.</summary>
    public IEnumerable<DiagramNode> Nodes => nodes.Values;

    /// <summary>Zones sorted by id.</summary>
    public IEnumerable<DiagramZone> Zones => zones.Values;

    /// <summary>Links sorted by id.</summary>
    public IEnumerable<DiagramLink> Links => links.Values;

    /// <summary>Ids of deleted elements, sorted. They are never reused, and edits to them are no-ops.</summary>
    public IReadOnlySet<string> DeletedIds => deleted;

    /// <summary>Live elements of every kind.</summary>
    public int ElementCount => nodes.Count + zones.Count + links.Count;

    public int DeletedCount => deleted.Count;

    public static DiagramDocument Replay(IEnumerable<DiagramEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Empty, (document, e) => document.Apply(e));
    }

    public DiagramElementKind? KindOf(string? id) =>
        id is null ? null
        : nodes.ContainsKey(id) ? DiagramElementKind.Node
        : zones.ContainsKey(id) ? DiagramElementKind.Zone
        : links.ContainsKey(id) ? DiagramElementKind.Link
        : null;

    public bool IsDeleted(string? id) => id is not null && deleted.Contains(id);

    public DiagramNode? FindNode(string id) => nodes.GetValueOrDefault(id);

    public DiagramZone? FindZone(string id) => zones.GetValueOrDefault(id);

    public DiagramLink? FindLink(string id) => links.GetValueOrDefault(id);

    /// <summary>The document as plain sorted lists, for storage, reconnects and per-step snapshots.</summary>
    public DiagramSnapshot ToSnapshot() =>
        new([.. nodes.Values], [.. zones.Values], [.. links.Values], [.. deleted]);

    /// <summary>Rebuilds a document from a snapshot, refusing one whose references or ids do not hold together.</summary>
    public static DiagramDocument FromSnapshot(DiagramSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Claim(string? id)
        {
            if (!ElementId.IsValid(id) || !seen.Add(id!))
            {
                throw new ArgumentException($"The snapshot has a missing, malformed or repeated id '{id}'.", nameof(snapshot));
            }
        }

        var zoneMap = ImmutableSortedDictionary.CreateBuilder<string, DiagramZone>(StringComparer.Ordinal);
        foreach (var zone in snapshot.Zones ?? [])
        {
            Claim(zone.Id);
            zoneMap.Add(zone.Id, zone);
        }

        var nodeMap = ImmutableSortedDictionary.CreateBuilder<string, DiagramNode>(StringComparer.Ordinal);
        foreach (var node in snapshot.Nodes ?? [])
        {
            Claim(node.Id);
            if (node.ZoneId is not null && !zoneMap.ContainsKey(node.ZoneId))
            {
                throw new ArgumentException($"Node '{node.Id}' is in zone '{node.ZoneId}', which is not in the snapshot.", nameof(snapshot));
            }

            nodeMap.Add(node.Id, node);
        }

        var linkMap = ImmutableSortedDictionary.CreateBuilder<string, DiagramLink>(StringComparer.Ordinal);
        foreach (var link in snapshot.Links ?? [])
        {
            Claim(link.Id);
            if (link.SourceId is null || link.TargetId is null
                || !nodeMap.ContainsKey(link.SourceId) || !nodeMap.ContainsKey(link.TargetId))
            {
                throw new ArgumentException($"Link '{link.Id}' does not join two nodes of the snapshot.", nameof(snapshot));
            }

            linkMap.Add(link.Id, link);
        }

        var deletedSet = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in snapshot.DeletedIds ?? [])
        {
            Claim(id);
            deletedSet.Add(id);
        }

        return new DiagramDocument(nodeMap.ToImmutable(), zoneMap.ToImmutable(), linkMap.ToImmutable(), deletedSet.ToImmutable());
    }

    /// <summary>
    /// A stable text form of the whole document (elements and tombstones sorted by id, compact JSON): equal documents
    /// give equal strings, so tests and the client can compare documents by it.
    /// </summary>
    public string ToCanonicalJson() => DiagramJson.Serialize(ToSnapshot());

    public bool Equals(DiagramDocument? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (nodes.Values.SequenceEqual(other.nodes.Values)
                && zones.Values.SequenceEqual(other.zones.Values)
                && links.Values.SequenceEqual(other.links.Values)
                && deleted.SequenceEqual(other.deleted, StringComparer.Ordinal)));

    public override bool Equals(object? obj) => Equals(obj as DiagramDocument);

    public override int GetHashCode() => HashCode.Combine(nodes.Count, zones.Count, links.Count, deleted.Count);

    public override string ToString() =>
        $"DiagramDocument {{ {nodes.Count} nodes, {zones.Count} zones, {links.Count} links, {deleted.Count} deleted }}";
}

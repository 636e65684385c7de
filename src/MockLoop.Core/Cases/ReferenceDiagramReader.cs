using System.Text.Json;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Rubrics.Validation;

namespace MockLoop.Core.Cases;

/// <summary>
/// Reads a case's reference diagram ({ nodes, zones, links } in the snapshot format) and checks it with the very
/// rules a live canvas applies: it is replayed as add ops (zones, then nodes, then links) through
/// <see cref="DiagramRules"/>, so a reference the room would reject cannot ship.
/// </summary>
internal static class ReferenceDiagramReader
{
    public static DiagramSnapshot? Read(Located value, ComponentVocabulary? vocabulary, ProblemLog log)
    {
        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            log.Add(value.Path, $"must be an object with nodes, zones and links, not {JsonValues.Describe(value.Element.ValueKind)}.");
            return null;
        }

        DiagramSnapshot? raw;
        try
        {
            raw = JsonSerializer.Deserialize<DiagramSnapshot>(value.Element.GetRawText(), DiagramJson.Options);
        }
        catch (JsonException ex)
        {
            log.Add(value.Path, $"is not a diagram: {ex.Message}");
            return null;
        }

        var snapshot = new DiagramSnapshot(raw?.Nodes ?? [], raw?.Zones ?? [], raw?.Links ?? [], []);
        if (snapshot.Nodes.Count == 0)
        {
            log.Add(JsonPath.Property(value.Path, "nodes"), "must hold at least one node.");
            return null;
        }

        if (vocabulary is null)
        {
            return snapshot;
        }

        var rules = new DiagramRules(vocabulary.Components.Select(c => c.Id));
        var document = DiagramDocument.Empty;
        var before = log.Count;
        var ops = snapshot.Zones.Select((z, i) => ((DiagramOp)new AddZoneOp($"ref-z{i}", z), JsonPath.Index(JsonPath.Property(value.Path, "zones"), i)))
            .Concat(snapshot.Nodes.Select((n, i) => ((DiagramOp)new AddNodeOp($"ref-n{i}", n), JsonPath.Index(JsonPath.Property(value.Path, "nodes"), i))))
            .Concat(snapshot.Links.Select((l, i) => ((DiagramOp)new AddLinkOp($"ref-l{i}", l), JsonPath.Index(JsonPath.Property(value.Path, "links"), i))));
        foreach (var (op, path) in ops)
        {
            if (rules.Validate(document, op) is { } error)
            {
                log.Add(path, $"is rejected by the diagram rules: {error.Message}");
                continue;
            }
            document = document.Apply(op);
        }

        return log.Count == before ? snapshot : null;
    }
}

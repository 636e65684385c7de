namespace MockLoop.Core.Diagrams;

/// <summary>
/// Validates ops against the current document and turns accepted ones into events. Stateless checks (shape, ids,
/// lengths, numbers) run first, so a malformed op is rejected even when it targets a deleted element.
/// The merge rule these checks serve is in docs/decisions/012-domain-diagram-merge-rule.md:
/// ops on deleted ids are accepted and change nothing, re-using a deleted id is rejected.
/// </summary>
public sealed class DiagramRules
{
    private readonly IReadOnlySet<string> componentTypes;

    /// <param name="componentTypes">The component vocabulary ids; <see cref="DiagramNode.NoteType"/> is always allowed.</param>
    public DiagramRules(IEnumerable<string> componentTypes, DiagramLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(componentTypes);
        this.componentTypes = componentTypes.ToHashSet(StringComparer.Ordinal);
        Limits = limits ?? DiagramLimits.Default;
    }

    public DiagramLimits Limits { get; }

    /// <summary>Accepts the op as an event stamped <paramref name="at"/>, or rejects it. Never changes the document.</summary>
    public DiagramResult Decide(DiagramDocument document, DiagramOp op, DateTimeOffset at) =>
        Validate(document, op) is { } error
            ? DiagramResult.Failure(error)
            : DiagramResult.Success(new DiagramEvent(op, at));

    /// <summary>Null if the op may be applied to the document, else why not.</summary>
    public DiagramError? Validate(DiagramDocument document, DiagramOp op)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (op is null)
        {
            return DiagramErrors.MalformedOp("no op was given");
        }

        if (!ElementId.IsValid(op.OpId))
        {
            return DiagramErrors.InvalidId("op id", op.OpId);
        }

        return op switch
        {
            AddNodeOp add => ValidateAddNode(document, add),
            UpdateNodeOp update => ValidateUpdateNode(document, update),
            AddZoneOp add => ValidateAddZone(document, add),
            UpdateZoneOp update => ValidateUpdateZone(document, update),
            AddLinkOp add => ValidateAddLink(document, add),
            UpdateLinkOp update => ValidateUpdateLink(document, update),
            DeleteElementOp delete => ValidateDelete(document, delete),
            _ => DiagramErrors.MalformedOp($"'{op.GetType().Name}' is not a diagram op"),
        };
    }

    private DiagramError? ValidateAddNode(DiagramDocument document, AddNodeOp op)
    {
        if (op.Node is not { } node)
        {
            return DiagramErrors.MalformedOp("addNode needs a node");
        }

        return CheckId("node id", node.Id)
            ?? CheckComponentType(node.ComponentType)
            ?? CheckText("label", node.Label, required: true, node.IsNote)
            ?? CheckPosition(node.X, node.Y)
            ?? CheckSize(node.Width, node.Height)
            ?? (node.ZoneId is null ? null : CheckZoneReference(document, node.ZoneId))
            ?? CheckCanAdd(document, node.Id);
    }

    private DiagramError? ValidateUpdateNode(DiagramDocument document, UpdateNodeOp op)
    {
        var stateless = CheckId("node id", op.NodeId)
            ?? (op.Label is null && op.Position is null && op.Size is null && op.Zone is null && op.ComponentType is null
                ? DiagramErrors.EmptyUpdate(op.NodeId)
                : null)
            ?? (op.ComponentType is null ? null : CheckComponentType(op.ComponentType))
            ?? CheckLabelFitsAnyNode(op.Label)
            ?? CheckPosition(op.Position)
            ?? CheckSize(op.Size)
            ?? (op.Zone?.ZoneId is { } zoneId ? CheckId("zone id", zoneId) : null);
        if (stateless is not null)
        {
            return stateless;
        }

        // An edit that lost the race against a delete is accepted and changes nothing.
        if (document.IsDeleted(op.NodeId))
        {
            return null;
        }

        if (CheckKind(document, op.NodeId, DiagramElementKind.Node) is { } error)
        {
            return error;
        }

        var node = document.FindNode(op.NodeId)!;
        if (op.ComponentType is not null && (op.ComponentType == DiagramNode.NoteType) != node.IsNote)
        {
            // Notes and components have different label limits; keeping the kind fixed keeps that limit fixed
            // under concurrent edits (a type change and a long label from two users cannot combine).
            return DiagramErrors.NoteTypeChange(op.NodeId);
        }

        return (op.Label is null ? null : CheckText("label", op.Label, required: true, node.IsNote))
            ?? (op.Zone?.ZoneId is { } zone ? CheckZoneReference(document, zone) : null);
    }

    private DiagramError? ValidateAddZone(DiagramDocument document, AddZoneOp op)
    {
        if (op.Zone is not { } zone)
        {
            return DiagramErrors.MalformedOp("addZone needs a zone");
        }

        return CheckId("zone id", zone.Id)
            ?? CheckText("label", zone.Label, required: true, isNote: false)
            ?? CheckPosition(zone.X, zone.Y)
            ?? CheckSize(zone.Width, zone.Height)
            ?? CheckCanAdd(document, zone.Id);
    }

    private DiagramError? ValidateUpdateZone(DiagramDocument document, UpdateZoneOp op)
    {
        var stateless = CheckId("zone id", op.ZoneId)
            ?? (op.Label is null && op.Position is null && op.Size is null ? DiagramErrors.EmptyUpdate(op.ZoneId) : null)
            ?? (op.Label is null ? null : CheckText("label", op.Label, required: true, isNote: false))
            ?? CheckPosition(op.Position)
            ?? CheckSize(op.Size);
        return stateless ?? CheckEditTarget(document, op.ZoneId, DiagramElementKind.Zone);
    }

    private DiagramError? ValidateAddLink(DiagramDocument document, AddLinkOp op)
    {
        if (op.Link is not { } link)
        {
            return DiagramErrors.MalformedOp("addLink needs a link");
        }

        return CheckId("link id", link.Id)
            ?? CheckId("source id", link.SourceId)
            ?? CheckId("target id", link.TargetId)
            ?? (link.SourceId == link.TargetId ? DiagramErrors.SelfLink(link.SourceId) : null)
            ?? CheckText("link label", link.Label, required: false, isNote: false)
            ?? CheckEndpoint(document, link.SourceId)
            ?? CheckEndpoint(document, link.TargetId)
            ?? CheckCanAdd(document, link.Id);
    }

    private DiagramError? ValidateUpdateLink(DiagramDocument document, UpdateLinkOp op) =>
        CheckId("link id", op.LinkId)
        ?? CheckText("link label", op.Label, required: false, isNote: false)
        ?? CheckEditTarget(document, op.LinkId, DiagramElementKind.Link);

    private static DiagramError? ValidateDelete(DiagramDocument document, DeleteElementOp op)
    {
        if (CheckId("element id", op.ElementId) is { } error)
        {
            return error;
        }

        // Deleting twice (two users racing, or a resend) is fine: the second delete changes nothing.
        return document.IsDeleted(op.ElementId) || document.KindOf(op.ElementId) is not null
            ? null
            : DiagramErrors.UnknownElement(op.ElementId);
    }

    private DiagramError? CheckCanAdd(DiagramDocument document, string id)
    {
        if (document.IsDeleted(id))
        {
            return DiagramErrors.DeletedId(id);
        }

        if (document.KindOf(id) is not null)
        {
            return DiagramErrors.DuplicateId(id);
        }

        if (document.ElementCount >= Limits.MaxElements)
        {
            return DiagramErrors.TooManyElements(Limits.MaxElements);
        }

        return document.ElementCount + document.DeletedCount >= Limits.MaxCreatedElements
            ? DiagramErrors.TooManyCreated(Limits.MaxCreatedElements)
            : null;
    }

    /// <summary>Edits to a deleted id are accepted as no-ops; otherwise the id must be a live element of the kind.</summary>
    private static DiagramError? CheckEditTarget(DiagramDocument document, string id, DiagramElementKind expected) =>
        document.IsDeleted(id) ? null : CheckKind(document, id, expected);

    private static DiagramError? CheckKind(DiagramDocument document, string id, DiagramElementKind expected) =>
        document.KindOf(id) switch
        {
            null => DiagramErrors.UnknownElement(id),
            var kind when kind == expected => null,
            var kind => DiagramErrors.WrongKind(id, kind.Value, expected),
        };

    // A zone deleted concurrently is fine: the node simply ends up in no zone, exactly as if the zone had been
    // deleted after the assignment (a zone delete releases its nodes).
    private static DiagramError? CheckZoneReference(DiagramDocument document, string zoneId)
    {
        if (CheckId("zone id", zoneId) is { } error)
        {
            return error;
        }

        if (document.IsDeleted(zoneId))
        {
            return null;
        }

        return document.KindOf(zoneId) switch
        {
            null => DiagramErrors.UnknownElement(zoneId),
            DiagramElementKind.Zone => null,
            var other => DiagramErrors.WrongKind(zoneId, other.Value, DiagramElementKind.Zone),
        };
    }

    // An endpoint deleted concurrently is fine too: the link is born deleted, exactly as if it had been added first
    // and then removed with its node.
    private static DiagramError? CheckEndpoint(DiagramDocument document, string nodeId)
    {
        if (document.IsDeleted(nodeId))
        {
            return null;
        }

        return document.KindOf(nodeId) switch
        {
            null => DiagramErrors.InvalidLinkEndpoint(nodeId, "there is no such node"),
            DiagramElementKind.Node => null,
            var other => DiagramErrors.InvalidLinkEndpoint(nodeId, $"it is a {other.Value.ToString().ToLowerInvariant()}, not a node"),
        };
    }

    private static DiagramError? CheckId(string what, string? id) =>
        id is null ? DiagramErrors.MalformedOp($"the {what} is missing")
        : ElementId.IsValid(id) ? null
        : DiagramErrors.InvalidId(what, id);

    private DiagramError? CheckComponentType(string? type) =>
        type is not null && (type == DiagramNode.NoteType || componentTypes.Contains(type))
            ? null
            : DiagramErrors.UnknownComponentType(type);

    private DiagramError? CheckText(string what, string? text, bool required, bool isNote)
    {
        if (text is null)
        {
            return required ? DiagramErrors.MalformedOp($"the {what} is missing") : null;
        }

        if (Text.StorableText.Check(text) is { } problem)
        {
            return DiagramErrors.UnstorableText(isNote ? "note" : what, problem);
        }

        var max = isNote ? Limits.MaxNoteLength : Limits.MaxLabelLength;
        return text.Length > max ? DiagramErrors.LabelTooLong(isNote ? "note" : what, text.Length, max) : null;
    }

    // Before the target is known, a label can only be checked against the larger of the two limits.
    private DiagramError? CheckLabelFitsAnyNode(string? label) =>
        Text.StorableText.Check(label) is { } problem ? DiagramErrors.UnstorableText("label", problem)
        : label is not null && label.Length > Math.Max(Limits.MaxLabelLength, Limits.MaxNoteLength)
            ? DiagramErrors.LabelTooLong("label", label.Length, Math.Max(Limits.MaxLabelLength, Limits.MaxNoteLength))
            : null;

    private DiagramError? CheckPosition(DiagramPoint? position) =>
        position is null ? null : CheckPosition(position.X, position.Y);

    private DiagramError? CheckPosition(double x, double y) =>
        IsCoordinate(x) && IsCoordinate(y) ? null : DiagramErrors.InvalidCoordinate(Limits.MaxCoordinate);

    private DiagramError? CheckSize(DiagramSize? size) =>
        size is null ? null : CheckSize(size.Width, size.Height);

    private DiagramError? CheckSize(double width, double height) =>
        IsSize(width) && IsSize(height) ? null : DiagramErrors.InvalidSize(Limits.MinSize, Limits.MaxSize);

    // NaN fails every comparison, so these also reject NaN; infinities fail the bounds.
    private bool IsCoordinate(double value) => value >= -Limits.MaxCoordinate && value <= Limits.MaxCoordinate;

    private bool IsSize(double value) => value >= Limits.MinSize && value <= Limits.MaxSize;
}

using System.Globalization;

namespace MockLoop.Core.Diagrams;

/// <summary>Every way a diagram op can be rejected. Codes are stable API: the client may switch on them.</summary>
public static class DiagramErrors
{
    public const string MalformedOpCode = "diagram.malformed_op";
    public const string InvalidIdCode = "diagram.invalid_id";
    public const string DuplicateIdCode = "diagram.duplicate_id";
    public const string DeletedIdCode = "diagram.deleted_id";
    public const string UnknownElementCode = "diagram.unknown_element";
    public const string WrongKindCode = "diagram.wrong_kind";
    public const string TooManyElementsCode = "diagram.too_many_elements";
    public const string TooManyCreatedCode = "diagram.too_many_created";
    public const string LabelTooLongCode = "diagram.label_too_long";
    public const string InvalidCoordinateCode = "diagram.invalid_coordinate";
    public const string InvalidSizeCode = "diagram.invalid_size";
    public const string UnknownComponentTypeCode = "diagram.unknown_component_type";
    public const string NoteTypeChangeCode = "diagram.note_type_change";
    public const string InvalidLinkEndpointCode = "diagram.invalid_link_endpoint";
    public const string SelfLinkCode = "diagram.self_link";
    public const string EmptyUpdateCode = "diagram.empty_update";

    /// <summary>Shared with every other command that takes text: see <see cref="Text.StorableText"/>.</summary>
    public const string UnstorableTextCode = Text.StorableText.ErrorCode;

    public static DiagramError UnstorableText(string what, Text.TextProblem problem) =>
        new(UnstorableTextCode, $"The {what} {problem.Describe()}, which cannot be stored. Remove it and try again.");

    public static DiagramError MalformedOp(string what) =>
        new(MalformedOpCode, $"The op is incomplete: {what}.");

    public static DiagramError InvalidId(string what, string? id) =>
        new(InvalidIdCode, $"The {what} {Quote(id)} is not valid: use 1 to {ElementId.MaxLength} letters, digits, '_' or '-'.");

    public static DiagramError DuplicateId(string id) =>
        new(DuplicateIdCode, $"An element with id '{id}' already exists.");

    public static DiagramError DeletedId(string id) =>
        new(DeletedIdCode, $"The id '{id}' belonged to a deleted element and cannot be used again.");

    public static DiagramError UnknownElement(string id) =>
        new(UnknownElementCode, $"There is no element with id '{id}'.");

    public static DiagramError WrongKind(string id, DiagramElementKind actual, DiagramElementKind expected) =>
        new(WrongKindCode, $"'{id}' is a {Name(actual)}, not a {Name(expected)}.");

    public static DiagramError TooManyElements(int max) =>
        new(TooManyElementsCode, $"The diagram already has the maximum of {max} elements; delete some first.");

    public static DiagramError TooManyCreated(int max) =>
        new(TooManyCreatedCode, $"This diagram has had {max} elements created, the most one diagram may have.");

    public static DiagramError LabelTooLong(string what, int length, int max) =>
        new(LabelTooLongCode, $"The {what} is {length} characters long; at most {max} are allowed.");

    public static DiagramError InvalidCoordinate(double max) =>
        new(InvalidCoordinateCode, $"Positions must be finite numbers between -{Number(max)} and {Number(max)}.");

    public static DiagramError InvalidSize(double min, double max) =>
        new(InvalidSizeCode, $"Width and height must be between {Number(min)} and {Number(max)}.");

    public static DiagramError UnknownComponentType(string? type) =>
        new(UnknownComponentTypeCode, $"{Quote(type)} is not a known component type.");

    public static DiagramError NoteTypeChange(string id) =>
        new(NoteTypeChangeCode, $"'{id}' cannot switch between a note and a component; add a new element instead.");

    public static DiagramError InvalidLinkEndpoint(string id, string reason) =>
        new(InvalidLinkEndpointCode, $"A link cannot end at '{id}': {reason}.");

    public static DiagramError SelfLink(string id) =>
        new(SelfLinkCode, $"A link cannot start and end at the same node '{id}'.");

    public static DiagramError EmptyUpdate(string id) =>
        new(EmptyUpdateCode, $"The update to '{id}' changes nothing; send at least one property.");

    private static string Name(DiagramElementKind kind) => kind.ToString().ToLowerInvariant();

    private static string Quote(string? value) => value is null ? "(missing)" : $"'{Truncate(value)}'";

    // Error messages echo client input; keep them short so a 1 MB id does not come back in the reply.
    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}

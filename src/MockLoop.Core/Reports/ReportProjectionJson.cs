using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockLoop.Core.Reports;

/// <summary>How a report projection is stored (jsonb): web defaults, enums by name so stored rows read as words.</summary>
public static class ReportProjectionJson
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(ReportProjection projection) => JsonSerializer.Serialize(projection, Options);

    /// <exception cref="JsonException">The text is not a report projection.</exception>
    public static ReportProjection Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportProjection>(json, Options) ?? throw new JsonException("A report projection cannot be null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;
using MockLoop.Core.Contracts;

namespace MockLoop.Core.Reports;

/// <summary>How a report projection is stored (jsonb): with the one set of JSON settings (enums by name, so rows read as words).</summary>
public static class ReportProjectionJson
{
    public static string Serialize(ReportProjection projection) => JsonSerializer.Serialize(projection, ContractJson.Options);

    /// <exception cref="JsonException">The text is not a report projection.</exception>
    public static ReportProjection Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportProjection>(json, ContractJson.Options) ?? throw new JsonException("A report projection cannot be null.");
}

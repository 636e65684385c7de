using NodaTime;

namespace MockLoop.Core.Scheduling;

/// <summary>IANA time zone names as browsers report them (Intl.DateTimeFormat().resolvedOptions().timeZone).</summary>
public static class TimeZones
{
    public const string Fallback = "UTC";

    public static DateTimeZone? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>The zone, or UTC when the name is missing or unknown (a stale or tampered value must not break a page).</summary>
    public static DateTimeZone FindOrUtc(string? id) => Find(id) ?? DateTimeZone.Utc;

    public static LocalDateTime ToLocal(DateTimeOffset instant, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;

    /// <summary>The zone's abbreviation-free offset label at that moment, e.g. "UTC+01:00".</summary>
    public static string OffsetLabel(DateTimeOffset instant, DateTimeZone zone)
    {
        var offset = zone.GetUtcOffset(Instant.FromDateTimeOffset(instant));
        return offset == Offset.Zero ? "UTC" : "UTC" + offset.ToString("m", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// " (UTC+01:00)" to follow a zone's name, or nothing when the name already says it: a zone named "UTC" read
    /// "UTC (UTC)" on the schedule (issue 20).
    /// </summary>
    public static string OffsetNote(DateTimeOffset instant, DateTimeZone zone)
    {
        var label = OffsetLabel(instant, zone);
        return label == zone.Id ? "" : $" ({label})";
    }

    /// <summary>"Europe/Paris, UTC+01:00", or just "UTC" for the zone named UTC (mail subjects and bodies).</summary>
    public static string Describe(DateTimeOffset instant, DateTimeZone zone)
    {
        var label = OffsetLabel(instant, zone);
        return label == zone.Id ? label : $"{zone.Id}, {label}";
    }
}

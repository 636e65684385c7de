using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Schedule;

/// <summary>The form posts and the .ics download behind the schedule pages. Every refusal goes back with its sentence.</summary>
internal static class ScheduleEndpoints
{
    public static async Task<IResult> BookAsync(
        HttpContext http, BookingService bookings,
        [FromForm] string? slot, [FromForm] string? role, [FromForm] string? level, [FromForm] string? rubric,
        [FromForm(Name = "case")] string? caseId, [FromForm] string? preferHelpful, [FromForm] string? withSomeone)
    {
        var back = $"/schedule/book?slot={Uri.EscapeDataString(slot ?? "")}";
        if (!DateTimeOffset.TryParse(slot, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            return Results.LocalRedirect("/schedule?error=" + Uri.EscapeDataString("That is not one of the offered slots."));
        }
        if (!TryParseRole(role, out var parsedRole) || !Enum.TryParse<TargetLevel>(level, ignoreCase: true, out var parsedLevel) || !Enum.IsDefined(parsedLevel))
        {
            return Results.LocalRedirect(back + "&error=" + Uri.EscapeDataString("Choose a role and a target level."));
        }
        var result = await bookings.BookAsync(http.User.UserId(),
            new BookingForm(start.ToUniversalTime(), parsedRole, parsedLevel, rubric ?? "", caseId, preferHelpful == "on" || preferHelpful == "true",
                withSomeone == "on" || withSomeone == "true"),
            http.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            return Results.LocalRedirect(back + "&error=" + Uri.EscapeDataString(refusal.Message));
        }
        var done = result.MatchedSession is not null ? "matched" : result.Booking!.InviteCode is not null ? "invite" : "booked";
        return Results.LocalRedirect($"/schedule?done={done}#booking-{result.Booking!.Id}");
    }

    public static async Task<IResult> CancelAsync(Guid id, HttpContext http, BookingService bookings)
    {
        var refusal = await bookings.CancelAsync(http.User.UserId(), id, http.RequestAborted);
        return refusal is null
            ? Results.LocalRedirect("/schedule?done=cancelled")
            : Results.LocalRedirect("/schedule?error=" + Uri.EscapeDataString(refusal.Message));
    }

    public static async Task<IResult> AcceptInviteAsync(string code, HttpContext http, BookingService bookings, [FromForm] string? seat)
    {
        PairingRole? chosen = TryParseRole(seat, out var r) && r != PairingRole.Either ? r : null;
        var result = await bookings.AcceptInviteAsync(http.User.UserId(), code, chosen, http.RequestAborted);
        return result.Refusal is { } refusal
            ? Results.LocalRedirect($"/schedule/invite/{Uri.EscapeDataString(code)}?error=" + Uri.EscapeDataString(refusal.Message))
            : Results.LocalRedirect("/schedule?done=matched");
    }

    public static async Task<IResult> SetTimeZoneAsync(HttpContext http, ScheduleQueries queries, [FromForm] string? zone, [FromForm] string? returnUrl)
    {
        var back = returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/schedule";
        if (TimeZones.Find(zone) is not { } found)
        {
            return Results.LocalRedirect("/schedule/profile?error=" + Uri.EscapeDataString("Choose a time zone from the list."));
        }
        await queries.SetTimeZoneAsync(http.User.UserId(), found.Id, http.RequestAborted);
        return Results.LocalRedirect(back);
    }

    public static async Task<IResult> InviteFileAsync(Guid id, HttpContext http, ScheduleQueries queries)
    {
        var ics = await queries.InviteFileAsync(http.User.UserId(), id, http.RequestAborted);
        return ics is null
            ? Results.NotFound()
            : Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "mockloop-interview.ics");
    }

    public static async Task<IResult> RateAsync(
        Guid id, HttpContext http, ScheduleQueries queries,
        [FromForm] int? usefulness, [FromForm] string? onTime, [FromForm] int? preparation)
    {
        var error = await queries.RateAsync(http.User.UserId(), id, usefulness, onTime, preparation, http.RequestAborted);
        return Results.LocalRedirect(error is null ? "/schedule?done=rated" : "/schedule?error=" + Uri.EscapeDataString(error));
    }

    public static async Task<IResult> EndWaitAsync(Guid id, HttpContext http, AttendanceService attendance, [FromForm] string? next)
    {
        var error = await attendance.EndWaitAsync(http.User.UserId(), id, http.RequestAborted);
        if (error is not null)
        {
            return Results.LocalRedirect($"/s/{id}?wait=" + Uri.EscapeDataString(error));
        }
        return Results.LocalRedirect(next == "lobby" ? "/lobby?priority=1" : "/schedule?done=ended");
    }

    private static bool TryParseRole(string? value, out PairingRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role);
}

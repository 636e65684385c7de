using System.Text;

namespace MockLoop.Web.Progress;

public static class ProgressRegistration
{
    public static IHostApplicationBuilder AddProgress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgressService>();
        return builder;
    }

    public static WebApplication MapProgress(this WebApplication app)
    {
        // Every score of the signed-in candidate, one row per criterion. Only their own: the query filters by user.
        app.MapGet("/progress.csv", async (HttpContext http, ProgressService progress) =>
        {
            var rows = await progress.CsvRowsAsync(Rooms.RoomConnection.UserId(http.User), http.RequestAborted);
            var csv = new StringBuilder("submitted_at,session_id,rubric_id,rubric_version,case_id,target_level,overall,verdict,step_id,step_score,criterion_id,level,note\n");
            foreach (var row in rows)
            {
                csv.AppendJoin(',', row.Select(Escape)).Append('\n');
            }
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "mockloop-scores.csv");
        }).RequireAuthorization();
        return app;
    }

    /// <summary>RFC 4180 quoting; a leading =,+,-,@ is prefixed so a spreadsheet never runs a note as a formula.</summary>
    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

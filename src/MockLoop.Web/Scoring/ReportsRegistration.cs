namespace MockLoop.Web.Scoring;

public static class ReportsRegistration
{
    /// <summary>After AddData and AddRubrics: the back-fill runs after the migrations and the rubric sync (hosted services start in order).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddHostedService<ReportBackfill>();
        return builder;
    }
}

namespace MockLoop.Web.Rubrics;

public static class RubricsRegistration
{
    public static IHostApplicationBuilder AddRubrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RubricsOptions>().BindConfiguration(RubricsOptions.Section);
        builder.Services.AddSingleton<ShippedRubricLibrary>();
        builder.Services.AddSingleton<RubricCache>();
        builder.Services.AddSingleton<DbRubricCatalog>();
        builder.Services.AddSingleton<IRubricCatalog>(services => services.GetRequiredService<DbRubricCatalog>());
        builder.Services.AddScoped<CustomRubricUploads>();
        builder.Services.AddScoped<RubricUploadForm>();
        // After AddData's MigrateOnStartup: hosted services start in the order they were added.
        builder.Services.AddHostedService<ShippedRubricSync>();
        return builder;
    }

    public static WebApplication MapRubrics(this WebApplication app)
    {
        // Same path as the upload page, ordered first, so the form posts here and the page keeps its address.
        app.MapPost(RubricUploadEndpoint.Path, RubricUploadEndpoint.PostAsync)
            .RequireAuthorization()
            .RequireRateLimiting(Security.RateLimitPolicies.RubricUpload)
            .WithOrder(-1);
        app.MapGet("/rubrics/{id}/v/{version:int}/json", async (string id, int version, HttpContext http, DbRubricCatalog catalog) =>
            await catalog.JsonAsync(id, version, RubricViewer.IdOf(http.User), http.RequestAborted) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : Results.NotFound());
        return app;
    }
}

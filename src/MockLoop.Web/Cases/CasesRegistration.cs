using MockLoop.Web.Security;

namespace MockLoop.Web.Cases;

public static class CasesRegistration
{
    /// <summary>Who may see a case's interviewer material; who gave a case up by opening it.</summary>
    public static IHostApplicationBuilder AddCaseMaterial(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseMaterialService>();
        return builder;
    }

    /// <summary><c>POST /cases/{id}/material</c>: open the material, with antiforgery; back to the case page.</summary>
    public static WebApplication MapCaseMaterial(this WebApplication app)
    {
        app.MapPost("/cases/{id}/material", CaseMaterialEndpoint.OpenAsync).RequireAuthorization().RequireAntiforgery();
        return app;
    }
}

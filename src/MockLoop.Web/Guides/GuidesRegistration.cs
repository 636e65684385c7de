namespace MockLoop.Web.Guides;

public static class GuidesRegistration
{
    public static IHostApplicationBuilder AddGuides(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GuideLibrary>();
        return builder;
    }
}

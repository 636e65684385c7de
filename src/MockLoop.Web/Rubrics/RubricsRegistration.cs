namespace MockLoop.Web.Rubrics;

public static class RubricsRegistration
{
    public static IHostApplicationBuilder AddRubrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RubricsOptions>().BindConfiguration(RubricsOptions.Section);
        builder.Services.AddSingleton<ShippedRubricLibrary>();
        builder.Services.AddSingleton<IRubricCatalog, FileRubricCatalog>();
        return builder;
    }
}

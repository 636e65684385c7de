namespace MockLoop.Web.Demo;

public static class DemoRegistration
{
    /// <summary>Registered last, so it runs after the migrations and the rubric sync (hosted services start in order).</summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Seed)}"))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }
        return builder;
    }
}

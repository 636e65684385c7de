using Microsoft.Extensions.Options;

namespace MockLoop.Web.Demo;

public static class DemoRegistration
{
    /// <summary>Registered last, so it runs after the migrations and the rubric sync (hosted services start in order).</summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        // Validated on start, before any hosted service (the silo included) starts: a refused demo in Production
        // stops the host at once instead of after the silo has come up and has to be taken down again.
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Seed)}"))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }
        return builder;
    }
}

internal sealed class DemoOptionsValidator(IHostEnvironment env) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.Seed && env.IsProduction()
            ? ValidateOptionsResult.Fail("Demo data is never seeded in Production. Use ./mockloop run --demo on a development machine.")
            : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.Call;

public static class CallRegistration
{
    /// <summary>The room's video call: ICE server settings, validated at start-up. (Its signalling is rate-limited by ConnectionRateLimits.)</summary>
    public static IHostApplicationBuilder AddCall(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CallOptions>, CallOptionsValidator>();
        return builder;
    }
}

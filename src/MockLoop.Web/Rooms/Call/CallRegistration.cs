using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.Call;

public static class CallRegistration
{
    /// <summary>The room's video call: ICE server settings (validated at start-up) and the signalling rate limit.</summary>
    public static IHostApplicationBuilder AddCall(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CallOptions>, CallOptionsValidator>();
        builder.Services.AddSingleton<CallSignalLimiter>();
        return builder;
    }
}

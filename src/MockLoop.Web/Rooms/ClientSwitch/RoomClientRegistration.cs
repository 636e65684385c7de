using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.ClientSwitch;

public static class RoomClientRegistration
{
    /// <summary>The Blazor WebAssembly room: its render mode, its assembly, and the switch that picks it.</summary>
    public static IHostApplicationBuilder AddRoomClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoomClientOptions>().BindConfiguration(RoomClientOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoomClientOptions>, RoomClientOptionsValidator>();
        builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();
        return builder;
    }

    public static RazorComponentsEndpointConventionBuilder AddRoomClient(this RazorComponentsEndpointConventionBuilder components) =>
        components
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(MockLoop.Web.Client.Room.LiveRoom).Assembly);
}

namespace MockLoop.Web.Rooms;

public static class RoomClientRegistration
{
    /// <summary>
    /// The room's and the lobby's client: Blazor WebAssembly components (MockLoop.Web.Client), rendered interactive on
    /// those two pages only; every other page stays static SSR (docs/decisions/125).
    /// </summary>
    public static IHostApplicationBuilder AddRoomClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();
        return builder;
    }

    public static RazorComponentsEndpointConventionBuilder AddRoomClient(this RazorComponentsEndpointConventionBuilder components) =>
        components
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(MockLoop.Web.Client.Room.LiveRoom).Assembly);
}

namespace MockLoop.Web.Lobby;

public static class LobbyRegistration
{
    public const string HubPath = "/hubs/lobby";

    public static IHostApplicationBuilder AddLobby(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LobbyService>();
        return builder;
    }

    public static WebApplication MapLobby(this WebApplication app)
    {
        app.MapHub<LobbyHub>(HubPath);
        return app;
    }
}

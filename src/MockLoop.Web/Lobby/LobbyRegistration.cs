namespace MockLoop.Web.Lobby;

public static class LobbyRegistration
{
    public const string HubPath = "/hubs/lobby";

    public static IHostApplicationBuilder AddLobby(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PairedSessionStarter>();
        // One queue for the whole cluster (one node or many), in the lobby grain; this node forwards. Registered after
        // the silo (AddCluster), so the silo has started when this node subscribes.
        builder.Services.AddSingleton<ClusterLobby>();
        builder.Services.AddSingleton<ILobby>(sp => sp.GetRequiredService<ClusterLobby>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterLobby>());
        return builder;
    }

    public static WebApplication MapLobby(this WebApplication app)
    {
        app.MapHub<LobbyHub>(HubPath);
        return app;
    }
}

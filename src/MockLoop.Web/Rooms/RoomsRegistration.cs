using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MockLoop.Web.Rooms.Call;
using MockLoop.Web.Security;

namespace MockLoop.Web.Rooms;

public static class RoomsRegistration
{
    public const string HubPath = "/hubs/interview";

    public static IHostApplicationBuilder AddRooms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddScoped<SessionSetupResolver>();
        builder.Services.AddScoped<SessionHistory>();
        // The sessions themselves are grains: AddCluster registers IRoomSessions (GrainRoomSessions).
        builder.Services.AddSingleton<Live.SessionLogWriter>();
        builder.Services.AddOptions<Live.SessionLogOptions>().BindConfiguration(Live.SessionLogOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<Live.SessionLogOptions>, Live.SessionLogOptionsValidator>();
        builder.Services.AddSingleton<Live.SessionSnapshotWriter>();
        builder.Services.AddSingleton<ConnectionRateLimits>();
        builder.AddCall();
        builder.Services.AddSignalR(options =>
        {
            // Bounded so a malformed or hostile client cannot make the server buffer large messages.
            options.MaximumReceiveMessageSize = 64 * 1024;
            // For every hub (room and lobby) and every client of one: HubTimings.
            options.KeepAliveInterval = HubTimings.ServerKeepAlive;
            options.ClientTimeoutInterval = HubTimings.ClientTimeout;
        })
        .AddHubOptions<InterviewHub>(hub => hub.AddFilter<RoomHubFilter>())
        // The one set of JSON settings (Core's ContractJson): the same the log and the client use.
        .AddJsonProtocol(json => ContractJson.CopyTo(json.PayloadSerializerOptions));
        return builder;
    }

    public static WebApplication MapRooms(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(HubPath), gate => gate.Use(RoomMembershipGate.InvokeAsync));
        app.MapHub<InterviewHub>(HubPath);
        app.MapPost("/sessions", SessionEndpoints.CreateAsync).RequireAuthorization()
            .RequireAntiforgery().RequireRateLimiting(RateLimitPolicies.CreateSession);
        app.MapPost("/s/{id:guid}/join", SessionEndpoints.JoinAsync).RequireAuthorization()
            .RequireAntiforgery().RequireRateLimiting(RateLimitPolicies.JoinSession);
        return app;
    }
}

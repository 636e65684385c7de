using Microsoft.Extensions.Options;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Schedule.Jobs;
using MockLoop.Web.Schedule.Mail;

namespace MockLoop.Web.Schedule;

public static class ScheduleRegistration
{
    public static IHostApplicationBuilder AddSchedule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SchedulePolicy.Default);
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        builder.Services.AddOptions<ScheduleWorkerOptions>().BindConfiguration(ScheduleWorkerOptions.Section)
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100) && o.PollInterval <= TimeSpan.FromMinutes(10),
                $"{ScheduleWorkerOptions.Section}:PollInterval must be between 100 ms and 10 minutes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Mailer>();
        builder.Services.AddScoped<ScheduleMails>();
        builder.Services.AddScoped<MatchContextReader>();
        builder.Services.AddScoped<MatchMaker>();
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddScoped<ScheduleQueries>();
        builder.Services.AddScoped<AttendanceService>();
        builder.Services.AddScoped<JobQueue>();
        builder.Services.AddScoped<ScheduleJobHandlers>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddScoped<LobbyPriority>();
        builder.Services.AddHostedService<ScheduleWorker>();
        return builder;
    }

    public static WebApplication MapSchedule(this WebApplication app)
    {
        var group = app.MapGroup("").RequireAuthorization();
        group.MapPost("/schedule/book", ScheduleEndpoints.BookAsync);
        group.MapPost("/schedule/bookings/{id:guid}/cancel", ScheduleEndpoints.CancelAsync);
        group.MapPost("/schedule/invite/{code}/accept", ScheduleEndpoints.AcceptInviteAsync);
        group.MapPost("/schedule/timezone", ScheduleEndpoints.SetTimeZoneAsync);
        group.MapGet("/schedule/sessions/{id:guid}/invite.ics", ScheduleEndpoints.InviteFileAsync);
        group.MapPost("/schedule/sessions/{id:guid}/rate", ScheduleEndpoints.RateAsync);
        group.MapPost("/s/{id:guid}/end-wait", ScheduleEndpoints.EndWaitAsync);
        return app;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MockLoop.Web.Data;

public static class DataRegistration
{
    public const string ConnectionStringName = "MockLoop";

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} (./mockloop run does this for you).");
        }

        builder.Services.AddDbContext<AppDbContext>(options => options
            .UseNpgsql(connectionString)
            // Migrations are hand-written without a model snapshot (no EF design tools here), so EF cannot diff
            // the model itself; MigrationsMatchTheModel (integration test) does that check instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.AddHostedService<MigrateOnStartup>();
        return builder;
    }
}

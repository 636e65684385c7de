using Microsoft.EntityFrameworkCore;

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

        builder.Services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddHostedService<MigrateOnStartup>();
        return builder;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MockLoop.Web.Data;

/// <summary>
/// How <c>dotnet ef</c> makes the context: without starting the app (whose start-up needs a database and would
/// migrate it). <c>migrations add</c> needs no server; <c>database update</c> uses ConnectionStrings__MockLoop, or
/// <c>--connection</c>.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    // Never opened by `migrations add` / `migrations script`; commands that need a server say so when they try.
    private const string NoServer = "Host=127.0.0.1;Database=mockloop";

    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{DataRegistration.ConnectionStringName}");
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(string.IsNullOrWhiteSpace(connectionString) ? NoServer : connectionString)
            .Options;
        return new AppDbContext(options);
    }
}

using System.Net;
using MockLoop.Web.Tests.Support;
using Npgsql;

namespace MockLoop.Web.Tests.Data;

/// <summary>What the app does with its database when it starts (./mockloop run on a new machine, a new cluster).</summary>
public sealed class StartupMigrationTests
{
    [Fact]
    public async Task The_app_creates_its_database_when_it_does_not_exist_yet()
    {
        await using var database = await TestDatabase.CreateAsync("fresh");
        await using (var admin = new NpgsqlConnection(TestDatabase.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database.Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        await using var app = await MockLoopApp.StartOnAsync(database);

        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_both_come_up_with_one_schema()
    {
        await using var database = await TestDatabase.CreateAsync("together");

        var starting = new[] { Task.Run(() => MockLoopApp.StartOnAsync(database)), Task.Run(() => MockLoopApp.StartOnAsync(database)) };
        var apps = await Task.WhenAll(starting);

        foreach (var app in apps)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

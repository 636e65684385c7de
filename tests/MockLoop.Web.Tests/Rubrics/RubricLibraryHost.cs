using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MockLoop.Web.Tests.Rubrics;

/// <summary>
/// The app on a database and a rubric folder it does not own, so a test can stop it, edit the folder and start
/// it again on the same data, the way a node restarts after a deploy.
/// </summary>
public sealed class RubricLibraryHost(string connectionString, string rubricsDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MockLoop", connectionString);
        builder.UseSetting("Rubrics:Directory", rubricsDirectory);
        Support.TestMailServer.Configure(builder);
    }

    /// <summary>Starts the app (migrations, then the rubric load) and returns it, or throws what stopped start-up.</summary>
    public RubricLibraryHost Start()
    {
        _ = Server;
        return this;
    }
}

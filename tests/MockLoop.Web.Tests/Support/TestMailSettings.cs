using Microsoft.AspNetCore.Hosting;

namespace MockLoop.Web.Tests.Support;

public static partial class TestMailServer
{
    /// <summary>
    /// Every in-memory app of the tests: mail to the real smtp4dev, and no background worker (tests run due jobs
    /// themselves with JobRunner after moving the clock).
    /// </summary>
    public static void Configure(IWebHostBuilder builder)
    {
        var smtp = SmtpEndpoint;
        builder.UseSetting("Mail:Host", smtp.Host);
        builder.UseSetting("Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:FromAddress", "mockloop@example.test");
        builder.UseSetting("Mail:PublicBaseUrl", "http://mockloop.test");
        builder.UseSetting("Schedule:Worker:Enabled", "false");
    }
}

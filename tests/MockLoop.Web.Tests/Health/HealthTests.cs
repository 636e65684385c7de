using System.Net;
using System.Text.Json.Nodes;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Health;

public sealed class HealthTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    [Fact]
    public async Task Healthz_reports_the_app_and_the_database()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Equal("ok", body["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task Healthz_names_the_node_and_a_single_node_sees_its_own_silo()
    {
        var body = JsonNode.Parse(await app.CreateClient().GetStringAsync("/healthz"))!;
        Assert.False(string.IsNullOrWhiteSpace(body["node"]!.GetValue<string>()));
        Assert.Equal(1, body["activeSilos"]!.GetValue<int>());
    }
}

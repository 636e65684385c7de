using System.Net;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Guides;

public sealed class GuidePagesTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    [Theory]
    [InlineData("interviewer", "<h1>The interviewer's guide</h1>", "<h2>The red-flag policy</h2>")]
    [InlineData("candidate", "<h1>The candidate's guide</h1>", "<h2>5. Evaluation (about 5 minutes)</h2>")]
    public async Task Each_guide_is_rendered_from_its_markdown_under_rubrics(string name, string title, string section)
    {
        var response = await app.CreateClient().GetAsync($"/guides/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(title, html);
        Assert.Contains(section, html);
        Assert.Contains("<a href=\"/guides/interviewer\"", html);
        Assert.Contains("<a href=\"/guides/candidate\"", html);
    }

    [Fact]
    public async Task The_interviewers_pacing_table_is_a_table()
    {
        var html = await app.CreateClient().GetStringAsync("/guides/interviewer");

        Assert.Contains("<table>", html);
        Assert.Contains("<td>Model development</td>", html);
    }

    [Fact]
    public async Task An_unknown_guide_is_not_found_and_no_file_outside_the_guides_is_read()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/..%2Fml-system-design")).StatusCode);
    }

    [Fact]
    public async Task The_case_page_links_both_guides()
    {
        var html = await app.CreateClient().GetStringAsync("/cases/fraud-detection");

        Assert.Contains("href=\"/guides/interviewer\"", html);
        Assert.Contains("href=\"/guides/candidate\"", html);
    }
}

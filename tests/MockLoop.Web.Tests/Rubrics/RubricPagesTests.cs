using System.Net;
using System.Text.RegularExpressions;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rubrics;

public sealed partial class RubricPagesTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    private static readonly LibraryLoadResult Shipped = RubricLibrary.LoadDirectory(RubricLibraryCopy.RepositoryRubrics);

    [Fact]
    public async Task The_library_lists_the_shipped_rubric_with_its_version_steps_and_time_and_every_case()
    {
        var html = await GetAsync(app.CreateClient(), "/rubrics");
        var rubric = Shipped.FindRubric("ml-system-design")!.Rubric;

        Assert.Contains("Machine-learning system design", html);
        Assert.Contains("href=\"/rubrics/ml-system-design/v/3\"", html);
        Assert.Matches(@"<span class=""badge version"">v3</span>", html);
        Assert.Contains("href=\"/rubrics/ml-system-design-60/v/1\"", html);
        Assert.Matches($@"<dt>Steps</dt><dd>{rubric.Steps.Count}</dd>", html);
        Assert.Matches($@"<dt>Time</dt><dd>{rubric.TotalBudgetMinutes} min</dd>", html);
        foreach (var interviewCase in Shipped.Cases)
        {
            Assert.Contains($"href=\"/cases/{interviewCase.Id}\"", html);
        }
        // Signed out: no upload form, an invitation to sign in instead.
        Assert.Contains("Sign in to upload your own", html);
    }

    [Fact]
    public async Task A_signed_in_user_without_uploads_sees_an_empty_state_that_leads_to_the_upload_page()
    {
        var user = await FormPosts.NewUserAsync(app, "Empty Handed");

        var html = await GetAsync(user, "/rubrics");

        Assert.Contains("You have not uploaded a rubric yet.", html);
        Assert.Contains("href=\"/rubrics/upload\"", html);
    }

    [Fact]
    public async Task The_rubric_page_shows_every_step_in_order_with_its_budget_weight_questions_and_four_levels_per_criterion()
    {
        var rubric = Shipped.FindRubric("ml-system-design")!.Rubric;

        var html = WebUtility.HtmlDecode(await GetAsync(app.CreateClient(), "/rubrics/ml-system-design/v/3"));

        var positions = rubric.Steps.Select(s => html.IndexOf($"id=\"step-{s.Id}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        foreach (var step in rubric.Steps)
        {
            var section = StepSection(html, step.Id);
            Assert.Contains(step.Purpose, section);
            Assert.Contains(step.IsWholeInterview ? "Across the whole interview" : $"{step.BudgetMinutes} min", section);
            Assert.All(step.RedFlags, f => Assert.Contains(f.Description, section));
            Assert.Contains($"Weight {step.Weight:0.##}", section);
            Assert.All(step.Questions, q => Assert.Contains(q, section));
            foreach (var criterion in step.Criteria)
            {
                Assert.Contains(criterion.Title, section);
                Assert.Equal(4, criterion.Levels.Count);
                Assert.All(criterion.Levels, l => Assert.Contains($"<b>{l.Level}</b> {l.Label}</span><p>{l.Descriptor}</p>", Squeeze(section)));
            }
        }
        foreach (var (level, bar) in new[] { ("Mid", rubric.BarFor(TargetLevel.Mid)), ("Senior", rubric.BarFor(TargetLevel.Senior)), ("Staff", rubric.BarFor(TargetLevel.Staff)) })
        {
            Assert.Contains($"<h3>{level}</h3>", html);
            Assert.Contains($"Overall at least {bar.MinOverall:0.##} of 4", html);
            Assert.Contains($"Every core step at least {bar.MinStep:0.##} of 4", html);
        }
    }

    [Fact]
    public async Task The_rubric_json_can_be_downloaded_exactly_as_shipped()
    {
        var json = await app.CreateClient().GetStringAsync("/rubrics/ml-system-design/v/3/json");

        Assert.Equal(Shipped.FindRubric("ml-system-design")!.Json, json);
    }

    [Fact]
    public async Task An_unknown_rubric_or_version_is_a_friendly_not_found()
    {
        foreach (var path in new[] { "/rubrics/ml-system-design/v/99", "/rubrics/no-such-rubric/v/1", "/cases/no-such-case" })
        {
            var response = await app.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_case_page_keeps_facts_hints_and_components_in_the_interviewer_disclosure_for_those_entitled()
    {
        var interviewCase = Shipped.Cases.Single(c => c.Id == "fraud-detection");
        // Entitled by opening the material (CaseMaterialTests covers who else is, and who is not).
        var reader = await FormPosts.NewUserAsync(app, "Reader");
        await FormPosts.PostFormAsync(reader, "/cases/fraud-detection", "/cases/fraud-detection/material", []);

        var html = WebUtility.HtmlDecode(await GetAsync(reader, "/cases/fraud-detection"));

        var detailsStart = html.IndexOf("<details class=\"interviewer-notes\"", StringComparison.Ordinal);
        // After the disclosure's start: the top bar's menu is a <details> of its own, earlier in the page.
        var detailsEnd = detailsStart < 0 ? -1 : html.IndexOf("</details>", detailsStart, StringComparison.Ordinal);
        Assert.True(detailsStart > 0 && detailsEnd > detailsStart, "no interviewer disclosure");
        Assert.Contains("<summary><span class=\"summary-title\">For interviewers</span>", Squeeze(html));

        var promptAt = html.IndexOf(interviewCase.Prompt, StringComparison.Ordinal);
        Assert.InRange(promptAt, 0, detailsStart);

        var notes = html[detailsStart..detailsEnd];
        foreach (var (stepId, hints) in interviewCase.Hints)
        {
            string[] parts = [hints.Probe, hints.MidAnchor!, hints.SeniorAnswer, hints.StaffExtension, .. hints.RedFlags];
            Assert.All(parts, hint => Assert.True(html.IndexOf(Encode(hint), StringComparison.Ordinal) > detailsStart, $"hint for {stepId} outside the disclosure"));
            Assert.All(parts, hint => Assert.Contains(Encode(hint), notes));
        }
        Assert.All(interviewCase.Facts, fact => Assert.Contains(Encode(fact.Detail), notes));
        foreach (var componentId in interviewCase.ExpectedComponents)
        {
            Assert.Contains($"<span class=\"component-label\">{Encode(Shipped.Components!.Find(componentId)!.Label)}</span>", notes);
        }
        Assert.Contains("Core components", notes);
        Assert.Contains($"aria-label=\"Reference design for {Encode(interviewCase.Title)}\"", notes);
        Assert.Contains("100 ms", notes);
        // Hints are headed by the rubric's step titles, not its ids.
        Assert.Contains("<h4>Clarify requirements</h4>", notes);
        // Content v3: the worked numbers, a probe per criterion, the answer key and the curveballs, all inside.
        Assert.All(interviewCase.Envelope!.Quantities, q => Assert.Contains($"<code>{q.Name}</code>", notes));
        Assert.All(interviewCase.Probes, p => Assert.Contains(Encode(p.Question), notes));
        Assert.Contains("Evaluation: Offline metrics and protocol", notes);
        Assert.All(interviewCase.AnswerKey, k => Assert.Contains(Encode(k.Why), notes));
        Assert.All(interviewCase.Curveballs, c => Assert.Contains(Encode(c.Prompt), notes));
    }

    [Fact]
    public async Task The_cases_page_lists_every_case_with_its_difficulty_and_prompt()
    {
        var html = await GetAsync(app.CreateClient(), "/cases");

        foreach (var interviewCase in Shipped.Cases)
        {
            Assert.Contains(interviewCase.Title, html);
            Assert.Contains(interviewCase.Prompt, html);
        }
        Assert.Contains("badge difficulty hard", html);
        Assert.Contains("badge difficulty medium", html);
    }

    [Fact]
    public async Task The_navigation_links_to_the_library_signed_in_or_not()
    {
        Assert.Contains("<a href=\"/rubrics\">Rubrics</a>", await GetAsync(app.CreateClient(), "/"));
        var user = await FormPosts.NewUserAsync(app, "Navi Gator");
        Assert.Contains("<a href=\"/rubrics\">Rubrics</a>", await GetAsync(user, "/"));
    }

    /// <summary>The page as text, with entities decoded so it compares with the rubric's own strings.</summary>
    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string StepSection(string html, string stepId)
    {
        var start = html.IndexOf($"id=\"step-{stepId}\"", StringComparison.Ordinal);
        var next = html.IndexOf("class=\"step-card\"", start + 1, StringComparison.Ordinal);
        return html[start..(next > 0 ? next : html.Length)];
    }

    /// <summary>Whitespace between tags removed, so assertions do not depend on the markup's indentation.</summary>
    private static string Squeeze(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    private static string Encode(string text) => text;
}

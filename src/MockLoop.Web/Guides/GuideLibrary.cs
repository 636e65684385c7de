using System.Collections.Concurrent;
using Markdig;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Guides;

/// <summary>
/// The interviewer's and the candidate's guides: Markdown under <c>rubrics/guides/</c>, next to the rubric they
/// explain, rendered to HTML once per file. Raw HTML in the Markdown is not passed through, so a guide cannot
/// inject script into the page.
/// </summary>
public sealed class GuideLibrary(ShippedRubricLibrary rubrics)
{
    public const string Folder = "guides";

    /// <summary>The guides that exist, by the name in their address, with the title the links use.</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> Guides =
        [("interviewer", "Interviewer's guide"), ("candidate", "Candidate's guide")];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private readonly ConcurrentDictionary<string, string> _html = new(StringComparer.Ordinal);

    public static string Href(string name) => $"/guides/{name}";

    /// <summary>The guide rendered to HTML; null for a name that is not a guide.</summary>
    public string? Html(string name)
    {
        if (!Guides.Any(g => g.Name == name))
        {
            return null;
        }

        return _html.GetOrAdd(name, n => Markdown.ToHtml(File.ReadAllText(Path.Combine(rubrics.Directory, Folder, n + ".md")), Pipeline));
    }
}

using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Rubrics;

internal static class ProblemAssertions
{
    /// <summary>Asserts there is a problem at the path whose reason contains the fragment, and returns it.</summary>
    public static RubricProblem HasProblem(this IReadOnlyList<RubricProblem> problems, string path, string reasonFragment)
    {
        var match = problems.FirstOrDefault(p => p.Path == path && p.Reason.Contains(reasonFragment, StringComparison.Ordinal));
        Assert.True(match is not null,
            $"Expected a problem at {path} containing \"{reasonFragment}\"; got:{Environment.NewLine}{Describe(problems)}");
        return match;
    }

    public static string Describe(IEnumerable<RubricProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => "  " + p));

    public static IReadOnlyList<RubricProblem> ProblemsOf<T>(ParseResult<T> result) where T : class
    {
        Assert.False(result.IsValid, "Expected the file to be rejected.");
        Assert.Null(result.Value);
        return result.Problems;
    }
}

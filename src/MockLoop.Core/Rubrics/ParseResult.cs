using System.Diagnostics.CodeAnalysis;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// Either a value built from a valid file or every problem found in it, never both.
/// </summary>
public sealed class ParseResult<T> where T : class
{
    private ParseResult(T? value, IReadOnlyList<RubricProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The parsed value; null whenever <see cref="Problems"/> is not empty.</summary>
    public T? Value { get; }

    /// <summary>All problems found, in the order the file was walked.</summary>
    public IReadOnlyList<RubricProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static ParseResult<T> Success(T value) => new(value, []);

    public static ParseResult<T> Failure(IReadOnlyList<RubricProblem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A failed parse needs at least one problem.", nameof(problems));
        }

        return new(null, problems);
    }
}

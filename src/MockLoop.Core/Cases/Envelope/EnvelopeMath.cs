using System.Globalization;
using System.Text.RegularExpressions;

namespace MockLoop.Core.Cases.Envelope;

/// <summary>
/// Redoes a back-of-envelope: every formula from the stated values of the lines above it, and every claim from the
/// stated values. Pure, so the case parser, the content tests and a reviewer's tool all get the same answer.
/// </summary>
public static partial class EnvelopeMath
{
    /// <summary>
    /// How far a stated value may be from what its formula gives: authors round (1.46M written as 1.5M), but a
    /// figure out by a factor is a contradiction.
    /// </summary>
    public const double Tolerance = 0.05;

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex QuantityName();

    public static bool IsQuantityName(string name) => QuantityName().IsMatch(name);

    /// <summary>Every problem with the envelope, each with the index of its quantity or claim; empty when it adds up.</summary>
    public static IReadOnlyList<EnvelopeProblem> Check(BackOfEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var problems = new List<EnvelopeProblem>();
        var stated = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < envelope.Quantities.Count; i++)
        {
            var quantity = envelope.Quantities[i];
            if (quantity.Formula is { } formula && Recompute(formula, stated) is var (computed, error))
            {
                if (error is not null)
                {
                    problems.Add(new EnvelopeProblem(EnvelopePart.Quantity, i, $"formula {error}"));
                }
                else if (!Agrees(quantity.Value, computed))
                {
                    problems.Add(new EnvelopeProblem(EnvelopePart.Quantity, i,
                        $"states {Show(quantity.Value)} {quantity.Unit}, but its formula \"{formula}\" gives {Show(computed)}; fix the number or the formula."));
                }
            }

            if (!stated.TryAdd(quantity.Name, quantity.Value))
            {
                problems.Add(new EnvelopeProblem(EnvelopePart.Quantity, i, $"'{quantity.Name}' is already a quantity above."));
            }
        }

        for (var i = 0; i < envelope.Claims.Count; i++)
        {
            if (CheckClaim(envelope.Claims[i], stated) is { } problem)
            {
                problems.Add(new EnvelopeProblem(EnvelopePart.Claim, i, problem));
            }
        }

        return problems;
    }

    /// <summary>What a formula gives from the values stated before it, or why it cannot be computed.</summary>
    public static (double Value, string? Error) Recompute(string formula, IReadOnlyDictionary<string, double> stated)
    {
        EnvelopeExpression expression;
        try
        {
            expression = EnvelopeExpression.Parse(formula);
        }
        catch (FormatException e)
        {
            return (double.NaN, $"cannot be read: {e.Message}.");
        }

        var unknown = expression.Names.Where(n => !stated.ContainsKey(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return (double.NaN, $"uses {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which is not a quantity listed above it.");
        }

        var value = expression.Evaluate(stated);
        return double.IsFinite(value) ? (value, null) : (value, $"\"{formula}\" gives no finite number (a division by zero?).");
    }

    public static bool Agrees(double stated, double computed) =>
        Math.Abs(stated - computed) <= Tolerance * Math.Max(Math.Abs(stated), Math.Abs(computed)) || Math.Abs(stated - computed) < 1e-9;

    private static string? CheckClaim(EnvelopeClaim claim, IReadOnlyDictionary<string, double> stated)
    {
        ComparisonExpression comparison;
        try
        {
            comparison = (ComparisonExpression)EnvelopeExpression.Parse(claim.Holds, comparison: true);
        }
        catch (FormatException e)
        {
            return $"cannot be read: {e.Message}.";
        }

        var unknown = comparison.Names.Where(n => !stated.ContainsKey(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return $"uses {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which is not a quantity of the envelope.";
        }

        return comparison.Holds(stated)
            ? null
            : $"does not hold: \"{claim.Holds}\" is {Show(comparison.Left.Evaluate(stated))} {comparison.Operator} {Show(comparison.Right.Evaluate(stated))}, which is false ({claim.Why}).";
    }

    /// <summary>A number as an author would write it: 1,460,000 rather than 1.46E+06, and small values to four figures.</summary>
    private static string Show(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);
}

public enum EnvelopePart
{
    Quantity,
    Claim,
}

/// <summary>A line of the envelope that does not add up: which part, its index in that list, and why.</summary>
public sealed record EnvelopeProblem(EnvelopePart Part, int Index, string Message);

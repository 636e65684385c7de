using MockLoop.Core.Cases.Envelope;

namespace MockLoop.Core.Tests.Cases;

public class EnvelopeMathTests
{
    private static readonly Dictionary<string, double> Values = new() { ["daily"] = 86_400_000, ["gpus"] = 200, ["ms"] = 600 };

    [Theory]
    [InlineData("daily / 86400", 1000)]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("ceil(gpus / 3)", 67)]
    [InlineData("max(1, 2, ms) - min(gpus, 5)", 595)]
    [InlineData("1.5e6 / 1e3", 1500)]
    public void Formulas_follow_the_usual_rules_of_arithmetic(string formula, double expected)
    {
        Assert.Equal(expected, EnvelopeExpression.Parse(formula).Evaluate(Values), 9);
    }

    [Theory]
    [InlineData("2 +", "ends too early")]
    [InlineData("sqrt(4)", "'sqrt' is not a function")]
    [InlineData("ceil(1, 2)", "ceil takes 1 argument(s), not 2")]
    [InlineData("(1 + 2", "expected ')'")]
    [InlineData("3 $ 4", "unexpected '$'")]
    public void A_malformed_formula_is_refused_with_where_and_why(string formula, string reason)
    {
        var error = Assert.Throws<FormatException>(() => EnvelopeExpression.Parse(formula));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("at character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_must_be_a_comparison()
    {
        Assert.Throws<FormatException>(() => EnvelopeExpression.Parse("gpus", comparison: true));
        Assert.True(((ComparisonExpression)EnvelopeExpression.Parse("gpus <= ms", comparison: true)).Holds(Values));
    }

    [Fact]
    public void The_old_rag_assistant_numbers_are_caught_by_their_own_arithmetic()
    {
        // 200,000 questions a day at $0.02 each: about $1.46M a year, against a stated $150k budget.
        var envelope = new BackOfEnvelope(
            [
                new("dailyRequests", 200_000, "questions/day"),
                new("costPerYear", 150_000, "USD/year") { Formula = "dailyRequests * 0.02 * 365" },
                new("budget", 150_000, "USD/year"),
            ],
            [new("costPerYear <= budget", "the assistant must fit its budget")]);

        var problem = Assert.Single(EnvelopeMath.Check(envelope));

        Assert.Equal((EnvelopePart.Quantity, 1), (problem.Part, problem.Index));
        Assert.Contains("states 150,000 USD/year, but its formula \"dailyRequests * 0.02 * 365\" gives 1,460,000;", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_the_numbers_contradict_is_reported_with_both_sides()
    {
        var envelope = new BackOfEnvelope(
            [new("gpusNeeded", 347, "GPUs") { Formula = "20000000 * 1.5 / 86400" }, new("gpusGranted", 200, "GPUs")],
            [new("gpusNeeded <= gpusGranted", "the shared pool")]);

        var problem = Assert.Single(EnvelopeMath.Check(envelope));

        Assert.Equal(EnvelopePart.Claim, problem.Part);
        Assert.Equal("does not hold: \"gpusNeeded <= gpusGranted\" is 347 <= 200, which is false (the shared pool).", problem.Message);
    }

    [Fact]
    public void A_formula_may_only_use_quantities_listed_above_it()
    {
        var envelope = new BackOfEnvelope(
            [new("a", 2, "x") { Formula = "b * 2" }, new("b", 1, "x")], []);

        Assert.Contains("'b', which is not a quantity listed above it", Assert.Single(EnvelopeMath.Check(envelope)).Message, StringComparison.Ordinal);
    }
}

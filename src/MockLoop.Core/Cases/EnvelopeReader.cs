using MockLoop.Core.Cases.Envelope;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Rubrics.Validation;
using static System.FormattableString;

namespace MockLoop.Core.Cases;

/// <summary>
/// Reads a case's <c>envelope</c> and refuses one that does not add up: a stated value its own formula contradicts,
/// a claim (GPUs needed within the GPUs granted, cost within budget) that is false, or a rate that disagrees with
/// the case's <c>budgets</c>.
/// </summary>
internal static class EnvelopeReader
{
    private static readonly string[] EnvelopeProperties = ["quantities", "claims"];
    private static readonly string[] QuantityProperties = ["name", "value", "unit", "formula", "kind", "note"];
    private static readonly string[] ClaimProperties = ["holds", "why"];

    public const int MaxQuantities = 40;
    public const int MaxClaims = 10;
    public const int MaxFormula = 300;

    /// <summary>Quantities that restate a number of the case's <c>budgets</c>, which must then agree with it.</summary>
    private static readonly (string Name, Func<CaseBudgets, double?> Value)[] BudgetTwins =
    [
        ("averageRequestsPerSecond", b => b.AverageRequestsPerSecond),
        ("peakRequestsPerSecond", b => b.PeakRequestsPerSecond),
        ("dailyRequests", b => b.DailyRequests),
        ("latencyBudgetMs", b => b.LatencyBudgetMs),
    ];

    public static BackOfEnvelope? Read(Located value, CaseBudgets? budgets, ProblemLog log)
    {
        var obj = ObjectReader.Open(value, log, EnvelopeProperties);
        if (obj is null)
        {
            return null;
        }

        var before = log.Count;
        var quantityItems = obj.Array("quantities", 2, MaxQuantities, "quantity");
        var claimItems = obj.Optional("claims") is null ? [] : obj.Array("claims", 0, MaxClaims, "claim");
        var quantities = (quantityItems ?? []).Select(item => ReadQuantity(item, log)).ToList();
        var claims = (claimItems ?? []).Select(item => ReadClaim(item, log)).ToList();
        if (log.Count != before || quantityItems is null || claimItems is null)
        {
            return null;
        }

        var envelope = new BackOfEnvelope(quantities!, claims!);
        var quantitiesPath = JsonPath.Property(obj.Path, "quantities");
        var claimsPath = JsonPath.Property(obj.Path, "claims");
        foreach (var problem in EnvelopeMath.Check(envelope))
        {
            log.Add(problem.Part == EnvelopePart.Quantity
                ? JsonPath.Index(quantitiesPath, problem.Index)
                : JsonPath.Property(JsonPath.Index(claimsPath, problem.Index), "holds"), problem.Message);
        }

        if (budgets is not null)
        {
            foreach (var (name, budgetValue) in BudgetTwins)
            {
                var index = envelope.Quantities.ToList().FindIndex(q => q.Name == name);
                if (index >= 0 && budgetValue(budgets) is { } stated && !EnvelopeMath.Agrees(stated, envelope.Quantities[index].Value))
                {
                    log.Add(JsonPath.Index(quantitiesPath, index),
                        Invariant($"'{name}' is {envelope.Quantities[index].Value} here but {stated} in budgets; the two must agree (within 5 %)."));
                }
            }
        }

        return log.Count == before ? envelope : null;
    }

    private static EnvelopeQuantity? ReadQuantity(Located item, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, QuantityProperties);
        if (obj is null)
        {
            return null;
        }

        var name = obj.Text("name", 64);
        if (name is not null && !EnvelopeMath.IsQuantityName(name))
        {
            log.Add(JsonPath.Property(obj.Path, "name"), $"'{name}' is not a quantity name; use camelCase letters and digits (dailyRequests), so formulas can use it.");
            name = null;
        }

        var number = obj.Required("value") is { } numberValue ? JsonValues.NumberBetween(numberValue, 0, 1e24, log) : null;
        var unit = obj.Text("unit", RubricLimits.MaxLabel);
        var formula = obj.OptionalText("formula", MaxFormula);
        var kind = obj.OptionalText("kind", RubricLimits.MaxLabel);
        if (kind is not null && !EnvelopeKinds.All.Contains(kind))
        {
            log.Add(JsonPath.Property(obj.Path, "kind"), $"'{kind}' is not a kind of estimate; use one of: {string.Join(", ", EnvelopeKinds.All)}.");
        }
        var note = obj.OptionalText("note", RubricLimits.MaxHint);

        return name is null || number is null || unit is null
            ? null
            : new EnvelopeQuantity(name, number.Value, unit) { Formula = formula, Kind = kind, Note = note };
    }

    private static EnvelopeClaim? ReadClaim(Located item, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, ClaimProperties);
        var holds = obj?.Text("holds", MaxFormula);
        var why = obj?.Text("why", RubricLimits.MaxHint);
        return holds is null || why is null ? null : new EnvelopeClaim(holds, why);
    }
}

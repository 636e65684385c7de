namespace MockLoop.Core.Cases.Envelope;

/// <summary>
/// A case's worked back-of-envelope as data: the quantities it commits to, the formulas that relate them, and the
/// claims the design depends on (the GPUs needed fit the GPUs granted, the cost fits the budget). Stored as data so
/// that <see cref="EnvelopeMath"/> can redo every line, and a case whose numbers contradict themselves is refused.
/// </summary>
public sealed record BackOfEnvelope(IReadOnlyList<EnvelopeQuantity> Quantities, IReadOnlyList<EnvelopeClaim> Claims)
{
    public EnvelopeQuantity? Find(string name) => Quantities.FirstOrDefault(q => q.Name == name);
}

/// <param name="Name">camelCase, unique in the case: the name formulas and claims use.</param>
/// <param name="Value">The number the case states, as a person would write it (rounded).</param>
/// <param name="Unit">What the number counts ("requests/s", "GPUs", "USD/year").</param>
public sealed record EnvelopeQuantity(string Name, double Value, string Unit)
{
    /// <summary>How the value follows from quantities listed before it; null for a given (a fact of the case).</summary>
    public string? Formula { get; init; }

    /// <summary>What the line estimates (<see cref="EnvelopeKinds"/>), so a case can be checked for covering them all.</summary>
    public string? Kind { get; init; }

    /// <summary>Where a given comes from, or what an assumption rests on.</summary>
    public string? Note { get; init; }
}

/// <summary>A comparison the design relies on, such as <c>costPerYear &lt;= costBudgetPerYear</c>, and why it matters.</summary>
public sealed record EnvelopeClaim(string Holds, string Why);

/// <summary>What a quantity estimates; a shipped case covers rate, compute, cost and storage.</summary>
public static class EnvelopeKinds
{
    public const string Volume = "volume";
    public const string Rate = "rate";
    public const string Compute = "compute";
    public const string Cost = "cost";
    public const string Storage = "storage";
    public const string Budget = "budget";
    public const string Latency = "latency";

    public static IReadOnlyList<string> All { get; } = [Volume, Rate, Compute, Cost, Storage, Budget, Latency];
}

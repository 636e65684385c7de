using System.Text.Json.Serialization;

namespace MockLoop.Core.Sessions;

/// <summary>One step of the interview framework as the rubric defines it: the timer only needs its id, title and budget.</summary>
public sealed record TimerStep(string Id, string Title, int BudgetMinutes)
{
    [JsonIgnore]
    public TimeSpan Budget => TimeSpan.FromMinutes(BudgetMinutes);
}

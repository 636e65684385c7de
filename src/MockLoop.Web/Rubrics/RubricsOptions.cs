namespace MockLoop.Web.Rubrics;

public sealed class RubricsOptions
{
    public const string Section = "Rubrics";

    /// <summary>The rubric library folder. Empty: the nearest <c>rubrics/</c> at or above the content root.</summary>
    public string Directory { get; set; } = "";
}

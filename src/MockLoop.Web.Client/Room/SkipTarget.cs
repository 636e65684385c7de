namespace MockLoop.Web.Client.Room;

/// <summary>A skip link's target: the words, the element's id, and selectors tried in order when it is absent.</summary>
public sealed record SkipTarget(string Label, string Id, params string[] Fallbacks);

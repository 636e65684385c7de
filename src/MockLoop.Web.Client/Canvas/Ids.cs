namespace MockLoop.Web.Client.Canvas;

/// <summary>Client-generated element and op ids in Core's ElementId shape ([A-Za-z0-9_-], at most 64 characters).</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}

using System.Text;
using System.Text.RegularExpressions;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// The live room as the room page sends it: the marker of a Blazor WebAssembly component (not prerendered), whose
/// parameters (session, hub, invite link) travel base64-encoded in the marker for the browser to start it with.
/// </summary>
public static partial class RoomMarkup
{
    public static bool HasLiveRoom(string html) => Markers(html).Any(m => m.Contains("\"typeName\":\"MockLoop.Web.Client.Room.LiveRoom\""));

    /// <summary>The live room's parameter values as the JSON the browser reads.</summary>
    public static string LiveRoomParameters(string html)
    {
        var marker = Markers(html).Single(m => m.Contains("\"typeName\":\"MockLoop.Web.Client.Room.LiveRoom\""));
        var values = ParameterValues().Match(marker);
        Assert.True(values.Success, "The live room's marker carries no parameter values: " + marker);
        return Encoding.UTF8.GetString(Convert.FromBase64String(values.Groups[1].Value));
    }

    private static IEnumerable<string> Markers(string html) => Marker().Matches(html).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("\"parameterValues\":\"([A-Za-z0-9+/=]+)\"")]
    private static partial Regex ParameterValues();
}

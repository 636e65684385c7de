namespace MockLoop.Web.Client.Room;

/// <summary>One tab of the room's side column; <paramref name="Unread"/> is said in its text and name when above 0.</summary>
public sealed record SideTab(string Id, string Title, int Unread = 0);

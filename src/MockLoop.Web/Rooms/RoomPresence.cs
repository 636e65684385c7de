using System.Collections.Concurrent;

namespace MockLoop.Web.Rooms;

/// <summary>
/// Which users have at least one live hub connection to which session, on this node. Presence is volatile:
/// it never touches the database, and a restarted node starts empty while clients reconnect.
/// </summary>
public sealed class RoomPresence
{
    private readonly ConcurrentDictionary<(Guid Session, Guid User), int> _connections = new();

    /// <summary>Returns true when this is the user's first connection to the session (they just came online).</summary>
    public bool Connected(Guid sessionId, Guid userId) =>
        _connections.AddOrUpdate((sessionId, userId), 1, (_, n) => n + 1) == 1;

    /// <summary>Returns true when this was the user's last connection to the session (they just went offline).</summary>
    public bool Disconnected(Guid sessionId, Guid userId)
    {
        while (true)
        {
            if (!_connections.TryGetValue((sessionId, userId), out var count))
            {
                return false;
            }
            if (count <= 1)
            {
                if (_connections.TryRemove(new KeyValuePair<(Guid, Guid), int>((sessionId, userId), count)))
                {
                    return true;
                }
            }
            else if (_connections.TryUpdate((sessionId, userId), count - 1, count))
            {
                return false;
            }
        }
    }

    public bool IsOnline(Guid sessionId, Guid userId) => _connections.ContainsKey((sessionId, userId));
}

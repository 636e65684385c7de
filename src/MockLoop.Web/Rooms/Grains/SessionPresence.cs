namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// Who is connected to a session across the cluster: each user's open connections per node, as the nodes report them.
/// Lives with the session's grain; an activation that came back on another node learns it again from the nodes'
/// subscriptions. Nodes always report absolute counts, never +1/-1: a subscription refresh and a connection's own
/// report can reach the grain in either order, and counting a connection in both would leave the user online (or
/// offline) until the next refresh.
/// </summary>
internal sealed class SessionPresence
{
    private readonly Dictionary<Guid, Dictionary<string, int>> _connections = [];

    /// <summary>A node's subscription: its count for every user it holds connections for; users it no longer lists are gone from it.</summary>
    public void Adopt(string node, IReadOnlyDictionary<Guid, int> connections)
    {
        foreach (var (userId, perNode) in _connections)
        {
            if (!connections.ContainsKey(userId))
            {
                perNode.Remove(node);
            }
        }
        foreach (var (userId, count) in connections)
        {
            Set(node, userId, count);
        }
    }

    /// <summary>A node's count of a user's connections after one opened or closed there; says whether the user came online or went offline.</summary>
    public PresenceChange Report(string node, Guid userId, int connections)
    {
        var wasOnline = IsOnline(userId);
        Set(node, userId, connections);
        return new PresenceChange(wasOnline != IsOnline(userId), Online());
    }

    /// <summary>A node that unsubscribed or stopped refreshing: none of its connections count any more.</summary>
    public void Forget(string node)
    {
        foreach (var perNode in _connections.Values)
        {
            perNode.Remove(node);
        }
    }

    public Guid[] Online() => _connections.Where(u => u.Value.Count > 0).Select(u => u.Key).ToArray();

    private void Set(string node, Guid userId, int count)
    {
        if (!_connections.TryGetValue(userId, out var perNode))
        {
            _connections[userId] = perNode = [];
        }
        if (count > 0)
        {
            perNode[node] = count;
        }
        else
        {
            perNode.Remove(node);
        }
    }

    private bool IsOnline(Guid userId) => _connections.TryGetValue(userId, out var perNode) && perNode.Count > 0;
}

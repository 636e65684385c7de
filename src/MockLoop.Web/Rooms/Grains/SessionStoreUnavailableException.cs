namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// A session grain could not read its session from PostgreSQL (the database is down or restarting): nothing was
/// done, and the same call may be made again. Crosses grain calls as itself, so a node tells it apart from a node
/// failure (docs/decisions/112).
/// </summary>
[GenerateSerializer]
public sealed class SessionStoreUnavailableException : Exception
{
    public SessionStoreUnavailableException()
        : base("The session could not be loaded: the database is unavailable.")
    {
    }

    public SessionStoreUnavailableException(string message)
        : base(message)
    {
    }

    public SessionStoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

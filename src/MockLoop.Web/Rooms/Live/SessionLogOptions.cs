using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.Live;

/// <summary>How the session log is kept, bound to the "SessionLog" section.</summary>
public sealed class SessionLogOptions
{
    public const string Section = "SessionLog";

    /// <summary>
    /// A snapshot of the session's state is stored after every this many entries, so loading a session replays at
    /// most this many. Smaller: faster loads, more snapshot writes (each is the whole state, a few KB to a few hundred).
    /// </summary>
    public int SnapshotEvery { get; set; } = 500;
}

internal sealed class SessionLogOptionsValidator : IValidateOptions<SessionLogOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionLogOptions options) =>
        options.SnapshotEvery is < 2 or > 1_000_000
            ? ValidateOptionsResult.Fail($"{SessionLogOptions.Section}:SnapshotEvery must be between 2 and 1000000 (got {options.SnapshotEvery}).")
            : ValidateOptionsResult.Success;
}

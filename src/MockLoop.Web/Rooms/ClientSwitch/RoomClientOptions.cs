using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.ClientSwitch;

/// <summary>
/// Which live-room client the room page serves, bound to the "Room" section: the React room (the default, at parity
/// with every browser test) or the Blazor WebAssembly room growing to replace it (docs/decisions/091). A request can
/// pick one for itself with <c>?client=blazor</c> or <c>?client=react</c>.
/// </summary>
public sealed class RoomClientOptions
{
    public const string Section = "Room";
    public const string React = "react";
    public const string Blazor = "blazor";
    public const string QueryKey = "client";

    public string Client { get; set; } = React;

    /// <summary>The client for one request: its own valid choice if it made one, otherwise the configured default.</summary>
    public bool UsesBlazor(HttpRequest request)
    {
        var asked = request.Query[QueryKey].ToString();
        var choice = IsKnown(asked) ? asked : Client;
        return string.Equals(choice, Blazor, StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsKnown(string? value) =>
        string.Equals(value, React, StringComparison.OrdinalIgnoreCase) || string.Equals(value, Blazor, StringComparison.OrdinalIgnoreCase);
}

internal sealed class RoomClientOptionsValidator : IValidateOptions<RoomClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RoomClientOptions options) =>
        RoomClientOptions.IsKnown(options.Client)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{RoomClientOptions.Section}:Client must be '{RoomClientOptions.React}' or '{RoomClientOptions.Blazor}', not '{options.Client}'.");
}

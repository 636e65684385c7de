using MockLoop.Core.Contracts;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// Every durable command the person made, from the moment it is made until the server has stored it (acknowledged)
/// or refused it for good. A command answered with a code a retry can fix (<see cref="IsTransient"/>: the database
/// down, the session moving, too many changes at once), or caught by a dropped connection, is retried with backoff;
/// while the connection is down it waits and goes again on reconnect. Nothing is silently left behind: <see cref="State"/> always says whether work is unsaved. The server
/// recognises a resent command by its client id, so a retry never applies twice.
/// </summary>
public sealed class CommandOutbox(Func<bool> isConnected, TimeProvider clock)
{
    private readonly List<Entry> entries = [];

    /// <summary>Raised whenever the unsaved count or state changes.</summary>
    public event Action? Changed;

    /// <summary>A command the server refused for good (a rule, not an outage): it is dropped, the person is told.</summary>
    public event Action<string, CommandResult>? Refused;

    public int Unsaved => entries.Count;

    public SaveState State =>
        entries.Count == 0 ? SaveState.AllSaved
        : entries.All(e => e.InFlight) ? SaveState.Saving
        : SaveState.NotSaved;

    /// <summary>The words the room shows for <see cref="State"/>.</summary>
    public string Summary => State switch
    {
        SaveState.AllSaved => "All changes saved",
        SaveState.Saving => "Saving…",
        _ => Unsaved == 1 ? "1 change not saved yet" : $"{Unsaved} changes not saved yet",
    };

    /// <param name="id">The client id the server deduplicates by (an op id for diagram changes).</param>
    /// <param name="send">One attempt; throws if the connection drops mid-call.</param>
    /// <param name="settled">Called once with the final answer (acknowledged or refused for good).</param>
    public void Enqueue(string id, Func<Task<CommandResult>> send, Action<CommandResult>? settled = null)
    {
        var entry = new Entry(id, send, settled);
        entries.Add(entry);
        Changed?.Invoke();
        _ = AttemptAsync(entry);
    }

    /// <summary>The connection is back: every waiting command goes again, in the order it was made.</summary>
    public async Task ResendAllAsync()
    {
        foreach (var entry in entries.Where(e => !e.InFlight && !e.RetryScheduled).ToList())
        {
            await AttemptAsync(entry);
        }
    }

    private async Task AttemptAsync(Entry entry)
    {
        if (entry.InFlight || !entries.Contains(entry))
        {
            return;
        }
        if (!isConnected())
        {
            // Waits for ResendAllAsync on reconnect.
            Changed?.Invoke();
            return;
        }
        entry.InFlight = true;
        Changed?.Invoke();
        CommandResult? result = null;
        try
        {
            result = await entry.Send();
        }
        catch (Exception)
        {
            // The connection dropped mid-call (or the hub threw): unknown whether it was stored; resending is safe.
        }
        entry.InFlight = false;

        if (result is { Ok: true })
        {
            Settle(entry, result);
        }
        else if (result is not null && !IsTransient(result.Code))
        {
            Settle(entry, result);
            Refused?.Invoke(entry.Id, result);
        }
        else
        {
            entry.Attempts++;
            Changed?.Invoke();
            entry.RetryScheduled = true;
            await Task.Delay(Backoff.Delay(entry.Attempts - 1), clock);
            entry.RetryScheduled = false;
            await AttemptAsync(entry);
        }
    }

    private void Settle(Entry entry, CommandResult result)
    {
        entries.Remove(entry);
        entry.Settled?.Invoke(result);
        Changed?.Invoke();
    }

    /// <summary>
    /// The answers a retry can fix: <c>unavailable</c> (the database down, the session moving, or its writer replaced),
    /// <c>rate_limited</c>, and <c>conflict</c>, which servers before ADR 160 gave when two writers of one session
    /// met (a reload on the server fixes it). Every other code is a rule refusing the change itself: final.
    /// </summary>
    public static bool IsTransient(string? code) => CommandCodes.IsRetryable(code);

    private sealed class Entry(string id, Func<Task<CommandResult>> send, Action<CommandResult>? settled)
    {
        public string Id { get; } = id;
        public Func<Task<CommandResult>> Send { get; } = send;
        public Action<CommandResult>? Settled { get; } = settled;
        public bool InFlight { get; set; }
        public int Attempts { get; set; }
        public bool RetryScheduled { get; set; }
    }
}

public enum SaveState { AllSaved, Saving, NotSaved }

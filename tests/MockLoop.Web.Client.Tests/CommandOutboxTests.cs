using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Contracts;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class CommandOutboxTests
{
    private readonly FakeTimeProvider clock = new();
    private bool connected = true;

    private CommandOutbox NewOutbox() => new(() => connected, clock);

    /// <summary>A send that answers from a queue of scripted results (or throws, for a dropped connection).</summary>
    private static Func<Task<CommandResult>> Answers(List<string> log, params Func<CommandResult>[] answers)
    {
        var next = 0;
        return () =>
        {
            log.Add("sent");
            var answer = answers[Math.Min(next++, answers.Length - 1)];
            return Task.FromResult(answer());
        };
    }

    [Fact]
    public void An_acknowledged_command_leaves_nothing_unsaved()
    {
        var outbox = NewOutbox();
        CommandResult? settled = null;

        outbox.Enqueue("c1", () => Task.FromResult(CommandResult.Accepted(7)), r => settled = r);

        Assert.Equal(0, outbox.Unsaved);
        Assert.Equal("All changes saved", outbox.Summary);
        Assert.Equal(7, settled?.Seq);
    }

    [Fact]
    public void A_command_in_flight_shows_saving()
    {
        var outbox = NewOutbox();
        var answer = new TaskCompletionSource<CommandResult>();

        outbox.Enqueue("c1", () => answer.Task);

        Assert.Equal(SaveState.Saving, outbox.State);
        Assert.Equal("Saving…", outbox.Summary);
        answer.SetResult(CommandResult.Accepted(1));
        Assert.Equal(SaveState.AllSaved, outbox.State);
    }

    [Fact]
    public void A_command_refused_as_unavailable_is_retried_with_backoff_until_acknowledged()
    {
        var outbox = NewOutbox();
        var log = new List<string>();
        var unavailable = () => CommandResult.Refused("unavailable", "The database is down.");
        var refusedForGood = new List<string>();
        outbox.Refused += (id, _) => refusedForGood.Add(id);

        outbox.Enqueue("c1", Answers(log, unavailable, unavailable, () => CommandResult.Accepted(3)));

        Assert.Single(log);
        Assert.Equal("1 change not saved yet", outbox.Summary);
        clock.Advance(Backoff.Delay(0));
        Assert.Equal(2, log.Count);
        Assert.Equal(1, outbox.Unsaved);
        clock.Advance(Backoff.Delay(1));
        Assert.Equal(3, log.Count);
        Assert.Equal(0, outbox.Unsaved);
        Assert.Empty(refusedForGood);
    }

    [Fact]
    public void A_command_refused_by_a_rule_is_dropped_and_reported_not_retried()
    {
        var outbox = NewOutbox();
        var log = new List<string>();
        (string Id, CommandResult Result)? reported = null;
        outbox.Refused += (id, r) => reported = (id, r);

        outbox.Enqueue("op_1", Answers(log, () => CommandResult.Refused("unknown_element", "That node is gone.")));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(log);
        Assert.Equal(0, outbox.Unsaved);
        Assert.Equal("op_1", reported?.Id);
        Assert.Equal("unknown_element", reported?.Result.Code);
    }

    [Fact]
    public async Task Commands_made_while_offline_wait_and_go_in_order_on_reconnect()
    {
        var outbox = NewOutbox();
        var sent = new List<string>();
        connected = false;

        outbox.Enqueue("a", () => { sent.Add("a"); return Task.FromResult(CommandResult.Accepted(1)); });
        outbox.Enqueue("b", () => { sent.Add("b"); return Task.FromResult(CommandResult.Accepted(2)); });

        Assert.Empty(sent);
        Assert.Equal("2 changes not saved yet", outbox.Summary);
        connected = true;
        await outbox.ResendAllAsync();
        Assert.Equal(["a", "b"], sent);
        Assert.Equal("All changes saved", outbox.Summary);
    }

    [Fact]
    public async Task A_call_caught_by_a_dropped_connection_is_resent_after_reconnecting()
    {
        var outbox = NewOutbox();
        var attempts = 0;
        outbox.Enqueue("a", () =>
        {
            attempts++;
            if (attempts == 1)
            {
                connected = false;
                throw new IOException("The connection was closed.");
            }
            return Task.FromResult(CommandResult.Accepted(1));
        });
        Assert.Equal(1, outbox.Unsaved);

        clock.Advance(Backoff.Delay(0));
        Assert.Equal(1, attempts); // still offline: it waits rather than spin
        connected = true;
        await outbox.ResendAllAsync();

        Assert.Equal(2, attempts);
        Assert.Equal(0, outbox.Unsaved);
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Core.Text;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

/// <summary>
/// Every code the server answers a durable command with, and what the room does with it: a code a retry can fix
/// keeps the change (unsaved, then resent and stored); any other is a rule refusing the change itself, which is
/// dropped and reported. Issue 24: <c>conflict</c> was taken as final, and a change was lost from the canvas.
/// </summary>
public partial class CommandAnswerCodeTests : BunitContext
{
    /// <summary>The codes a retry can fix. Everything else below is final.</summary>
    private static readonly string[] Transient = ["unavailable", "rate_limited", "conflict"];

    /// <summary>Rules refusing the change itself (the hub, the session's writer, and Core's session rules).</summary>
    private static readonly string[] FinalLiterals =
    [
        "not_found", "not_a_participant", "bad_client_id", "client_id_taken", "malformed_op", "bad_command", "not_ended",
        "bad_level", "bad_marks", "candidate_only", "empty", "ended", "interviewer_only", "next_step_missing",
        "nothing_scored", "submitted", "too_long", "unknown_command", "unknown_criterion", "unknown_red_flag", "unknown_step",
        StorableText.ErrorCode,
    ];

    /// <summary>The diagram's and the timer's rules publish their codes as constants: all final.</summary>
    private static IEnumerable<string> ConstantCodes() =>
        new[] { typeof(DiagramErrors), typeof(TimerErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Code", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string, bool> EveryCode()
    {
        var data = new TheoryData<string, bool>();
        foreach (var code in Transient)
        {
            data.Add(code, false);
        }
        foreach (var code in FinalLiterals.Concat(ConstantCodes()).Distinct())
        {
            data.Add(code, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Each_answer_code_either_keeps_the_change_until_it_is_stored_or_drops_it_as_final(string code, bool final)
    {
        var clock = new FakeTimeProvider();
        var outbox = new CommandOutbox(() => true, clock);
        var refused = new List<string?>();
        outbox.Refused += (_, result) => refused.Add(result.Code);
        var cut = Render<SaveStatus>(p => p.Add(x => x.Outbox, outbox));
        var attempts = 0;
        CommandResult? settled = null;

        outbox.Enqueue("op-1", () => Task.FromResult(++attempts == 1 ? CommandResult.Refused(code, "as the server says it") : CommandResult.Accepted(9)),
            r => settled = r);

        Assert.Equal(!final, CommandOutbox.IsTransient(code));
        if (final)
        {
            Assert.Equal([code], refused);
            Assert.Equal(code, settled?.Code);
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(1, attempts);
            cut.WaitForAssertion(() => Assert.Equal("Saving: All changes saved", cut.Find("[role=status]").GetAttribute("aria-label")));
        }
        else
        {
            // Kept and shown as unsaved, never reported as refused; the retry stores it.
            Assert.Empty(refused);
            cut.WaitForAssertion(() => Assert.Equal("Saving: 1 change not saved yet", cut.Find("[role=status]").GetAttribute("aria-label")));
            clock.Advance(Backoff.Delay(0));
            Assert.Equal(2, attempts);
            Assert.Equal(9, settled?.Seq);
            Assert.Empty(refused);
            cut.WaitForAssertion(() => Assert.Equal("Saving: All changes saved", cut.Find("[role=status]").GetAttribute("aria-label")));
        }
    }

    /// <summary>
    /// The table above is every code the server's source answers a command with: a new refusal fails here until
    /// someone decides whether a retry can fix it.
    /// </summary>
    [Fact]
    public void The_table_covers_every_code_the_server_answers_a_command_with()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MockLoop.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var sources = new[] { "src/MockLoop.Web/Rooms", "src/MockLoop.Core/Sessions" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root.FullName, dir), "*.cs", SearchOption.AllDirectories));
        // Codes written as Core's CommandCodes constants count by their value.
        var named = typeof(CommandCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var answered = sources
            .Select(File.ReadAllText)
            .SelectMany(text => RefusalLiteral().Matches(text).Select(m => m.Groups["code"].Value)
                .Concat(RefusalConstant().Matches(text).Select(m => named[m.Groups["name"].Value])))
            .ToHashSet();

        Assert.Contains("interviewer_only", answered); // the scan finds literals
        Assert.Contains("not_a_participant", answered); // and CommandCodes constants
        var known = Transient.Concat(FinalLiterals).Concat(ConstantCodes()).ToHashSet();
        Assert.Empty(answered.Except(known));
    }

    /// <summary>A command answer or a session rule's refusal with a literal code (call signalling has its own answers).</summary>
    [GeneratedRegex(@"(?:CommandResult\.Refused|(?<![A-Za-z])Refuse)\(""(?<code>[^""]+)""")]
    private static partial Regex RefusalLiteral();

    [GeneratedRegex(@"CommandResult\.Refused\(CommandCodes\.(?<name>[A-Za-z]+)")]
    private static partial Regex RefusalConstant();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Data;

/// <summary>
/// Every database made before generated migrations stands at the last hand-written one. It must upgrade with the
/// migrations that came after, and keep every row and value it had (docs/decisions/080).
/// </summary>
public sealed class UpgradeFromHandWrittenSchemaTests
{
    private const string LastHandWrittenMigration = "20261121093000_ReturnMatch";

    private static readonly Guid Interviewer = Guid.Parse("6f0c1d8e-1111-4a6b-9c1e-000000000001");
    private static readonly Guid Candidate = Guid.Parse("6f0c1d8e-2222-4a6b-9c1e-000000000002");
    private static readonly Guid Session = Guid.Parse("6f0c1d8e-3333-4a6b-9c1e-000000000003");
    private static readonly Guid ReturnMatch = Guid.Parse("6f0c1d8e-4444-4a6b-9c1e-000000000004");

    // Rows as the app wrote them at that migration: accounts, a scored session with its log, timings, step diagrams
    // and scorecard, its return match, a shipped and a custom rubric.
    private static readonly string SeedAtLastHandWrittenSchema = $$"""
        INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
            "LockoutEnabled", "AccessFailedCount")
        VALUES ('{{Interviewer}}', 'Ines Interviewer', '2026-11-20 09:00:00+00', 'ines@example.org', 'INES@EXAMPLE.ORG',
                'ines@example.org', 'INES@EXAMPLE.ORG', false, 'AQAAAAIAAYagAAAAEhash1', 'STAMP1', 'c1', false, false, true, 0),
               ('{{Candidate}}', 'Carl Candidate', '2026-11-20 09:05:00+00', 'carl@example.org', 'CARL@EXAMPLE.ORG',
                'carl@example.org', 'CARL@EXAMPLE.ORG', false, 'AQAAAAIAAYagAAAAEhash2', 'STAMP2', 'c2', false, false, true, 2);
        INSERT INTO rubrics ("RubricId", "Version", "OwnerId", "Title", "Json", "ContentHash", "CreatedAt")
        VALUES ('ml-system-design', 1, NULL, 'ML system design', '{"id":"ml-system-design"}', repeat('a', 64), '2026-11-20 08:00:00+00'),
               ('my-rubric', 2, '{{Interviewer}}', 'My rubric', '{"id":"my-rubric"}', repeat('b', 64), '2026-11-20 08:30:00+00');
        INSERT INTO interview_sessions ("Id", "CreatedAt", "CreatedById", "InterviewerId", "CandidateId", "Status",
            "RubricId", "RubricVersion", "CaseId", "StartedAt", "EndedAt", "ReturnMatchId")
        VALUES ('{{ReturnMatch}}', '2026-11-20 11:00:00+00', '{{Candidate}}', '{{Candidate}}', '{{Interviewer}}', 'Ready',
                'ml-system-design', 1, NULL, NULL, NULL, NULL),
               ('{{Session}}', '2026-11-20 10:00:00+00', '{{Interviewer}}', '{{Interviewer}}', '{{Candidate}}', 'Ended',
                'ml-system-design', 1, 'video-recommendations', '2026-11-20 10:01:00+00', '2026-11-20 10:46:30+00', '{{ReturnMatch}}');
        INSERT INTO session_events ("SessionId", "Seq", "Kind", "Payload", "AuthorId", "At", "Audience", "ClientId")
        VALUES ('{{Session}}', 1, 'timer', '{"type":"started","stepIndex":0}', '{{Interviewer}}', '2026-11-20 10:01:00+00', 'Everyone', NULL),
               ('{{Session}}', 2, 'chat', '{"text":"Shall we start with the users?"}', '{{Candidate}}', '2026-11-20 10:02:00+00', 'Everyone', 'c-17'),
               ('{{Session}}', 3, 'note', '{"stepId":"clarify","text":"Asked about scale early"}', '{{Interviewer}}', '2026-11-20 10:03:00+00', 'Interviewer', 'i-4');
        INSERT INTO session_step_timings ("SessionId", "StepId", "StepIndex", "StartedAt", "EndedAt", "UsedSeconds", "BudgetSeconds")
        VALUES ('{{Session}}', 'clarify', 0, '2026-11-20 10:01:00+00', '2026-11-20 10:07:12.5+00', 372.5, 300);
        INSERT INTO session_step_diagrams ("SessionId", "StepId", "Seq", "Snapshot", "At")
        VALUES ('{{Session}}', 'clarify', 2, '{"nodes":[{"id":"n1","kind":"users"}],"links":[]}', '2026-11-20 10:07:12.5+00');
        INSERT INTO scorecards ("SessionId", "RubricId", "RubricVersion", "InterviewerId", "CandidateId", "CaseId", "TargetLevel",
            "Overall", "Verdict", "Strengths", "Improvements", "NextStep", "SubmittedAt")
        VALUES ('{{Session}}', 'ml-system-design', 1, '{{Interviewer}}', '{{Candidate}}', 'video-recommendations', 'senior',
                2.75, 'meets', 'Clear requirements', 'Offline metrics', 'Practise evaluation', '2026-11-20 10:50:00+00');
        INSERT INTO scorecard_steps ("SessionId", "StepId", "Score") VALUES ('{{Session}}', 'clarify', 3), ('{{Session}}', 'frame', NULL);
        INSERT INTO criterion_scores ("SessionId", "Source", "StepId", "CriterionId", "Level", "Note")
        VALUES ('{{Session}}', 'interviewer', 'clarify', 'scale', 3, 'Named DAU and catalogue size'),
               ('{{Session}}', 'self', 'clarify', 'scale', 2, NULL);
        """;

    private static readonly string[] SeededTables =
    [
        "AspNetUsers", "rubrics", "interview_sessions", "session_events", "session_step_timings", "session_step_diagrams",
        "scorecards", "scorecard_steps", "criterion_scores",
    ];

    [Fact]
    public async Task A_database_at_the_last_hand_written_migration_upgrades_and_keeps_every_row()
    {
        await using var database = await TestDatabase.CreateAsync("upgrade");
        await using (var db = MigrationContext.New(database.ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastHandWrittenMigration);
        }
        await MigrationContext.ExecuteAsync(database.ConnectionString, SeedAtLastHandWrittenSchema);
        var columnsBefore = await ColumnsByTableAsync(database.ConnectionString);
        // The one value the upgrade changes on purpose: accounts made before registration needed a confirmed address
        // are confirmed (ADR 054). It is checked below; everything else must stay as it was.
        Assert.True(columnsBefore["AspNetUsers"].Remove("EmailConfirmed"));
        var rowsBefore = await DumpRowsAsync(database.ConnectionString, columnsBefore);

        await using (var db = MigrationContext.New(database.ConnectionString))
        {
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        foreach (var table in SeededTables)
        {
            Assert.NotEmpty(rowsBefore[table]);
        }
        // Same rows, and every column they had keeps its value (columns added later are not compared).
        Assert.Equal(rowsBefore, await DumpRowsAsync(database.ConnectionString, columnsBefore));

        // And today's model reads them.
        await using var reader = MigrationContext.New(database.ConnectionString);
        var session = await reader.Sessions.AsNoTracking().SingleAsync(s => s.Id == Session);
        Assert.Equal(SessionStatus.Ended, session.Status);
        Assert.Equal(ReturnMatch, session.ReturnMatchId);
        Assert.Equal("video-recommendations", session.CaseId);
        var log = await reader.Set<SessionEventRow>().AsNoTracking().Where(e => e.SessionId == Session).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal([SessionLogKinds.Timer, SessionLogKinds.Chat, SessionLogKinds.Note], log.Select(e => e.Kind));
        Assert.Equal(Audience.Interviewer, log[2].Audience);
        var card = await reader.Set<ScorecardRow>().AsNoTracking().SingleAsync();
        Assert.Equal(2.75, card.Overall);
        Assert.Equal(2, await reader.Set<CriterionScoreRow>().CountAsync(c => c.SessionId == Session));
        var candidate = await reader.Users.AsNoTracking().SingleAsync(u => u.Id == Candidate);
        Assert.Equal(("Carl Candidate", 2), (candidate.DisplayName, candidate.AccessFailedCount));
        Assert.All(await reader.Users.AsNoTracking().ToListAsync(), u => Assert.True(u.EmailConfirmed, u.Email));
    }

    [Fact]
    public async Task The_upgraded_schema_is_the_one_a_new_database_gets()
    {
        await using var upgraded = await TestDatabase.CreateAsync("upgraded");
        await using var fresh = await TestDatabase.CreateAsync("fresh");
        await using (var db = MigrationContext.New(upgraded.ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastHandWrittenMigration);
            await db.Database.MigrateAsync();
        }
        await using (var db = MigrationContext.New(fresh.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal(
            await MigrationTests.DescribeSchemaAsync(fresh.ConnectionString),
            await MigrationTests.DescribeSchemaAsync(upgraded.ConnectionString));
    }

    private static async Task<Dictionary<string, List<string>>> ColumnsByTableAsync(string connectionString)
    {
        var lines = await MigrationContext.ReadLinesAsync(connectionString, """
            SELECT table_name || ' ' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY 1
            """);
        return lines.Select(l => l.Split(' ', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToList());
    }

    /// <summary>Each table's rows as JSON of the given columns only, sorted, so the dump survives added columns.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpRowsAsync(
        string connectionString, Dictionary<string, List<string>> columnsByTable)
    {
        var dump = new Dictionary<string, List<string>>();
        foreach (var (table, columns) in columnsByTable.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var pairs = string.Join(", ", columns.Select(c => $"'{c}', t.\"{c}\""));
            dump[table] = await MigrationContext.ReadLinesAsync(connectionString,
                $"SELECT jsonb_build_object({pairs})::text FROM \"{table}\" t ORDER BY 1");
        }
        return dump;
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>
/// The live interview: the rubric and case a session uses, when it started and ended, its ordered event log and
/// each step's actual timing. Hand-written; checked against the model by MigrationTests.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121070000_LiveSessions")]
public sealed class LiveSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
ALTER TABLE interview_sessions
    ADD COLUMN ""RubricId"" character varying(64) NOT NULL DEFAULT '',
    ADD COLUMN ""RubricVersion"" integer NOT NULL DEFAULT 0,
    ADD COLUMN ""CaseId"" character varying(64),
    ADD COLUMN ""StartedAt"" timestamp with time zone,
    ADD COLUMN ""EndedAt"" timestamp with time zone;
ALTER TABLE interview_sessions ALTER COLUMN ""RubricId"" DROP DEFAULT, ALTER COLUMN ""RubricVersion"" DROP DEFAULT;

CREATE TABLE session_events (
    ""SessionId"" uuid NOT NULL,
    ""Seq"" bigint NOT NULL,
    ""Kind"" character varying(32) NOT NULL,
    ""Payload"" jsonb NOT NULL,
    ""AuthorId"" uuid NOT NULL,
    ""At"" timestamp with time zone NOT NULL,
    ""Audience"" character varying(16) NOT NULL,
    ""ClientId"" character varying(64),
    CONSTRAINT ""PK_session_events"" PRIMARY KEY (""SessionId"", ""Seq""),
    CONSTRAINT ""FK_session_events_interview_sessions_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES interview_sessions (""Id"") ON DELETE CASCADE
);

CREATE TABLE session_step_timings (
    ""SessionId"" uuid NOT NULL,
    ""StepId"" character varying(64) NOT NULL,
    ""StepIndex"" integer NOT NULL,
    ""StartedAt"" timestamp with time zone,
    ""EndedAt"" timestamp with time zone,
    ""UsedSeconds"" double precision NOT NULL,
    ""BudgetSeconds"" double precision NOT NULL,
    CONSTRAINT ""PK_session_step_timings"" PRIMARY KEY (""SessionId"", ""StepId""),
    CONSTRAINT ""FK_session_step_timings_interview_sessions_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES interview_sessions (""Id"") ON DELETE CASCADE
);

CREATE UNIQUE INDEX ""IX_session_events_SessionId_ClientId"" ON session_events (""SessionId"", ""ClientId"") WHERE ""ClientId"" IS NOT NULL;
");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
DROP TABLE session_step_timings;
DROP TABLE session_events;
ALTER TABLE interview_sessions DROP COLUMN ""RubricId"", DROP COLUMN ""RubricVersion"", DROP COLUMN ""CaseId"",
    DROP COLUMN ""StartedAt"", DROP COLUMN ""EndedAt"";
");
    }
}

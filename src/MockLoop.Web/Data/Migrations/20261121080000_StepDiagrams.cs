using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>The diagram snapshot taken when each framework step ends. Hand-written; checked by MigrationTests.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121080000_StepDiagrams")]
public sealed class StepDiagrams : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE TABLE session_step_diagrams (
    ""SessionId"" uuid NOT NULL,
    ""StepId"" character varying(64) NOT NULL,
    ""Seq"" bigint NOT NULL,
    ""Snapshot"" jsonb NOT NULL,
    ""At"" timestamp with time zone NOT NULL,
    CONSTRAINT ""PK_session_step_diagrams"" PRIMARY KEY (""SessionId"", ""StepId""),
    CONSTRAINT ""FK_session_step_diagrams_interview_sessions_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES interview_sessions (""Id"") ON DELETE CASCADE
);
");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE session_step_diagrams;");
}

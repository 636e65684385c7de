using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>Submitted scorecards, their step scores, and criterion levels (interviewer and self-assessment). Hand-written.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121090000_Scorecards")]
public sealed class Scorecards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE TABLE scorecards (
    ""SessionId"" uuid NOT NULL,
    ""RubricId"" character varying(64) NOT NULL,
    ""RubricVersion"" integer NOT NULL,
    ""InterviewerId"" uuid NOT NULL,
    ""CandidateId"" uuid NOT NULL,
    ""CaseId"" character varying(64),
    ""TargetLevel"" character varying(16) NOT NULL,
    ""Overall"" double precision,
    ""Verdict"" character varying(32) NOT NULL,
    ""Strengths"" character varying(4000) NOT NULL,
    ""Improvements"" character varying(4000) NOT NULL,
    ""NextStep"" character varying(4000) NOT NULL,
    ""SubmittedAt"" timestamp with time zone NOT NULL,
    CONSTRAINT ""PK_scorecards"" PRIMARY KEY (""SessionId""),
    CONSTRAINT ""FK_scorecards_interview_sessions_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES interview_sessions (""Id"") ON DELETE CASCADE
);

CREATE TABLE scorecard_steps (
    ""SessionId"" uuid NOT NULL,
    ""StepId"" character varying(64) NOT NULL,
    ""Score"" double precision,
    CONSTRAINT ""PK_scorecard_steps"" PRIMARY KEY (""SessionId"", ""StepId""),
    CONSTRAINT ""FK_scorecard_steps_scorecards_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES scorecards (""SessionId"") ON DELETE CASCADE
);

CREATE TABLE criterion_scores (
    ""SessionId"" uuid NOT NULL,
    ""Source"" character varying(16) NOT NULL,
    ""StepId"" character varying(64) NOT NULL,
    ""CriterionId"" character varying(64) NOT NULL,
    ""Level"" integer,
    ""Note"" character varying(2000),
    CONSTRAINT ""PK_criterion_scores"" PRIMARY KEY (""SessionId"", ""Source"", ""StepId"", ""CriterionId""),
    CONSTRAINT ""FK_criterion_scores_interview_sessions_SessionId"" FOREIGN KEY (""SessionId"") REFERENCES interview_sessions (""Id"") ON DELETE CASCADE
);

CREATE INDEX ""IX_scorecards_CandidateId"" ON scorecards (""CandidateId"");

CREATE INDEX ""IX_scorecards_InterviewerId"" ON scorecards (""InterviewerId"");

CREATE INDEX ""IX_scorecards_RubricId_SubmittedAt"" ON scorecards (""RubricId"", ""SubmittedAt"");
");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE scorecard_steps; DROP TABLE criterion_scores; DROP TABLE scorecards;");
}

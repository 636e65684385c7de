using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Scoring;

/// <summary>A submitted scorecard: the interview's result, against the exact rubric id and version it used.</summary>
public sealed class ScorecardRow
{
    public Guid SessionId { get; set; }
    public string RubricId { get; set; } = "";
    public int RubricVersion { get; set; }
    public Guid InterviewerId { get; set; }
    public Guid CandidateId { get; set; }
    public string? CaseId { get; set; }
    public string TargetLevel { get; set; } = "";
    public double? Overall { get; set; }
    public string Verdict { get; set; } = "";
    public string Strengths { get; set; } = "";
    public string Improvements { get; set; } = "";
    public string NextStep { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>One step's score on a submitted scorecard (null: nothing assessed in it).</summary>
public sealed class ScorecardStepRow
{
    public Guid SessionId { get; set; }
    public string StepId { get; set; } = "";
    public double? Score { get; set; }
}

public static class ScoreSources
{
    public const string Interviewer = "interviewer";
    public const string Self = "self";
}

/// <summary>One criterion's level, by the interviewer (written on submission) or the candidate's self-assessment.</summary>
public sealed class CriterionScoreRow
{
    public Guid SessionId { get; set; }
    public string Source { get; set; } = ScoreSources.Interviewer;
    public string StepId { get; set; } = "";
    public string CriterionId { get; set; } = "";
    public int? Level { get; set; }
    public string? Note { get; set; }
}

internal sealed class ScorecardConfiguration :
    IEntityTypeConfiguration<ScorecardRow>, IEntityTypeConfiguration<ScorecardStepRow>, IEntityTypeConfiguration<CriterionScoreRow>
{
    public void Configure(EntityTypeBuilder<ScorecardRow> e)
    {
        e.ToTable("scorecards");
        e.HasKey(x => x.SessionId);
        e.Property(x => x.RubricId).HasMaxLength(64);
        e.Property(x => x.CaseId).HasMaxLength(64);
        e.Property(x => x.TargetLevel).HasMaxLength(16);
        e.Property(x => x.Verdict).HasMaxLength(32);
        e.Property(x => x.Strengths).HasMaxLength(ScoringLimits.FeedbackMaxLength);
        e.Property(x => x.Improvements).HasMaxLength(ScoringLimits.FeedbackMaxLength);
        e.Property(x => x.NextStep).HasMaxLength(ScoringLimits.FeedbackMaxLength);
        e.HasIndex(x => x.CandidateId);
        e.HasIndex(x => x.InterviewerId);
        e.HasIndex(x => new { x.RubricId, x.SubmittedAt });
        e.HasOne<InterviewSession>().WithOne().HasForeignKey<ScorecardRow>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScorecardStepRow> e)
    {
        e.ToTable("scorecard_steps");
        e.HasKey(x => new { x.SessionId, x.StepId });
        e.Property(x => x.StepId).HasMaxLength(64);
        e.HasOne<ScorecardRow>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CriterionScoreRow> e)
    {
        e.ToTable("criterion_scores");
        e.HasKey(x => new { x.SessionId, x.Source, x.StepId, x.CriterionId });
        e.Property(x => x.Source).HasMaxLength(16);
        e.Property(x => x.StepId).HasMaxLength(64);
        e.Property(x => x.CriterionId).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(ScoringLimits.NoteMaxLength);
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ScoringLimits
{
    public const int FeedbackMaxLength = SessionLimits.FeedbackMaxLength;
    public const int NoteMaxLength = SessionLimits.CriterionNoteMaxLength;
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>
/// Where generated migrations begin (docs/decisions/080). The six migrations before it were written by hand, without
/// a model snapshot, and stay as history; this one changes no schema. It exists for its Designer file and the
/// snapshot next to it, which record the model those six built, so <c>dotnet ef migrations add</c> diffs from here.
/// MigrationTests proves the hand-written ones build exactly this model.
/// </summary>
public partial class ModelSnapshotBaseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

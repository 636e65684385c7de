using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>Links a finished session to its return match (roles swapped). Hand-written; checked by MigrationTests.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121093000_ReturnMatch")]
public sealed class ReturnMatch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(@"ALTER TABLE interview_sessions ADD COLUMN ""ReturnMatchId"" uuid;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(@"ALTER TABLE interview_sessions DROP COLUMN ""ReturnMatchId"";");
}

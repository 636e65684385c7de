using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MockLoop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_projections",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Projection = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_projections", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_report_projections_scorecards_SessionId",
                        column: x => x.SessionId,
                        principalTable: "scorecards",
                        principalColumn: "SessionId",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_projections");
        }
    }
}

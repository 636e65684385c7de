using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MockLoop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseMaterialAndResendKeyPerAuthor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_session_events_SessionId_ClientId",
                table: "session_events");

            migrationBuilder.CreateTable(
                name: "case_material_openings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_material_openings", x => new { x.UserId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_case_material_openings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_session_events_SessionId_AuthorId_ClientId",
                table: "session_events",
                columns: new[] { "SessionId", "AuthorId", "ClientId" },
                unique: true,
                filter: "\"ClientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_material_openings");

            migrationBuilder.DropIndex(
                name: "IX_session_events_SessionId_AuthorId_ClientId",
                table: "session_events");

            migrationBuilder.CreateIndex(
                name: "IX_session_events_SessionId_ClientId",
                table: "session_events",
                columns: new[] { "SessionId", "ClientId" },
                unique: true,
                filter: "\"ClientId\" IS NOT NULL");
        }
    }
}

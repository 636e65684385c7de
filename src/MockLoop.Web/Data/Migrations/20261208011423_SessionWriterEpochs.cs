using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MockLoop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionWriterEpochs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "session_writer_epochs",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Epoch = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_writer_epochs", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_session_writer_epochs_interview_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "interview_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_writer_epochs");
        }
    }
}

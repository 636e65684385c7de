using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MockLoop.Web.Data.Migrations
{
    /// <summary>
    /// Accounts made before registration needed a confirmed address were opened without one; they stay open (their
    /// owners have been signing in all along). Only accounts registered from now on wait for their link (ADR 054).
    /// </summary>
    public partial class ConfirmAccountsMadeBeforeConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "EmailConfirmed" = true WHERE NOT "EmailConfirmed";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: which accounts were confirmed this way is not recorded.
        }
    }
}

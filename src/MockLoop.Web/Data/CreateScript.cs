using Microsoft.EntityFrameworkCore;

namespace MockLoop.Web.Data;

/// <summary>
/// <c>./mockloop schema</c>: prints the DDL the current model wants. EF's design-time tools are not installable
/// here, so migrations are written by hand and checked against this (and by the migration test).
/// </summary>
internal static class CreateScript
{
    public const string Flag = "--print-create-script";

    public static void Print()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=unused").Options;
        using var db = new AppDbContext(options);
        Console.WriteLine(db.Database.GenerateCreateScript());
    }
}

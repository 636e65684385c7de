using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MockLoop.Web.Data;

/// <summary>
/// Tells "the database could not be reached or could not finish" (a restart, a broken pooled connection, a
/// timeout, too many connections) apart from "the database refused this data" (a constraint, a bad value). The
/// first is worth retrying as it is; the second never is.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        // The server answered with an error: only its transient classes (connection, shutdown, resources,
        // cancellation by timeout, serialization) mean "try again".
        PostgresException postgres => postgres.IsTransient,
        // No server answer at all: refused, reset, or timed out on the wire, or the pool ran dry.
        NpgsqlException => true,
        TimeoutException => true,
        // EF wraps a connection that failed to open while a transaction was starting in an InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}

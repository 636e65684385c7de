using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// Counts the SQL commands EF sends inside <see cref="Count"/>, on this async flow only: the app's other work
/// (grains, the log writer, the silo) runs beside it and is not counted. Registered as an interceptor; changes nothing.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>Counts until disposed; the list holds each command's text.</summary>
    public IDisposable Count(out List<string> commands)
    {
        var list = new List<string>();
        commands = list;
        _current.Value = list;
        return new Stop(this);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _current.Value?.Add(command.CommandText);

    private sealed class Stop(CommandCounter counter) : IDisposable
    {
        public void Dispose() => counter._current.Value = null;
    }
}

// MockLoop.Core is the pure domain: rubrics, cases, diagrams, sessions, pairing, progress.
// It references no ASP.NET Core and no EF Core; the web host adapts it.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("MockLoop.Core.Tests")]

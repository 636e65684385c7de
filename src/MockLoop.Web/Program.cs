using Microsoft.Extensions.DependencyInjection.Extensions;
using MockLoop.Web.Accounts;
using MockLoop.Web.Cases;
using MockLoop.Web.Cluster;
using MockLoop.Web.Components;
using MockLoop.Web.Data;
using MockLoop.Web.Demo;
using MockLoop.Web.Guides;
using MockLoop.Web.Health;
using MockLoop.Web.Identity;
using MockLoop.Web.Lobby;
using MockLoop.Web.Observability;
using MockLoop.Web.Progress;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Schedule;
using MockLoop.Web.Scoring;
using MockLoop.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// TryAdd: a test host's hosting startup (tests/MockLoop.TestClock, docs/decisions/166) runs first and may supply its own.
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddRazorComponents();
builder.Services.AddSingleton<StaticAssetVersions>();
builder.AddSecurity();
builder.AddData();
builder.AddCluster();
builder.AddAccounts();
builder.AddOpenIdProvider();
builder.AddRubrics();
builder.AddGuides();
builder.AddCaseMaterial();
builder.AddRooms();
builder.AddReports();
builder.AddRoomClient();
builder.AddLobby();
builder.AddProgress();
builder.AddSchedule();
builder.AddDemoData();
builder.AddObservability();

var app = builder.Build();

app.UseProxyAndTransportSecurity();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
// A friendly page for a bare 404 on a page address. Not for script endpoints (the hub, the read API): they get bare codes.
app.UseWhen(
    http => HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/hubs") && !http.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
// Not for the WebAssembly runtime: MapStaticAssets serves /_framework with its precompressed (gzip/brotli) copies and
// immutable caching; UseStaticFiles would answer first with the uncompressed files (10 MB instead of ~3 on a first visit).
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/_framework"), files => files.UseStaticFiles());
// Explicit, so a re-executed status page request is routed again (the implicit UseRouting would sit before it).
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseFormRateLimits();
app.UseAntiforgery();

app.MapHealth();
app.MapObservability();
app.MapAccounts();
app.MapOpenIdProvider();
app.MapRooms();
app.MapLobby();
app.MapProgress();
app.MapSchedule();
app.MapRubrics();
app.MapCaseMaterial();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddRoomClient();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using MockLoop.Web.Accounts;
using MockLoop.Web.Cases;
using MockLoop.Web.Cluster;
using MockLoop.Web.Components;
using MockLoop.Web.Data;
using MockLoop.Web.Demo;
using MockLoop.Web.Guides;
using MockLoop.Web.Health;
using MockLoop.Web.Lobby;
using MockLoop.Web.Observability;
using MockLoop.Web.Progress;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Schedule;
using MockLoop.Web.Testing;
using MockLoop.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRazorComponents();
builder.Services.AddSingleton<StaticAssetVersions>();
builder.AddSecurity();
builder.AddData();
builder.AddCluster();
builder.AddAccounts();
builder.AddRubrics();
builder.AddGuides();
builder.AddCaseMaterial();
builder.AddRooms();
builder.AddRoomClient();
builder.AddLobby();
builder.AddProgress();
builder.AddSchedule();
builder.AddTestingClock();
builder.AddDemoData();
builder.AddObservability();

var app = builder.Build();

app.UseProxyAndTransportSecurity();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
// A friendly page for a bare 404 on a page address. Not for script endpoints (the hub, JSON): they get bare codes.
app.UseWhen(
    http => HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/hubs"),
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
app.MapRooms();
app.MapLobby();
app.MapProgress();
app.MapSchedule();
app.MapTestingClock();
app.MapRubrics();
app.MapCaseMaterial();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddRoomClient();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

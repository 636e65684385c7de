using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Identity;

/// <summary>
/// Makes the stored client registrations match Provider:Clients at start-up (after the migration, which is an
/// earlier hosted service): configuration is the one place clients are registered, so a client removed from it is
/// removed here too, with its tokens.
/// </summary>
internal sealed class ProviderClientSync(IServiceScopeFactory scopes, IOptions<ProviderOptions> options, ILogger<ProviderClientSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        // Nodes of a cluster start together: one syncs while the others wait (the stores share this context's
        // connection, which holds the session-level lock), then each finds the registrations already right.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SyncLockKey})", cancellationToken);
            await SyncAsync(applications, cancellationToken);
        }
        finally
        {
            // Closing the connection frees the lock, also when the sync failed.
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Any constant of our own, other than the migration's.</summary>
    private const long SyncLockKey = 0x6F69646373796E63; // "oidcsync"

    private async Task SyncAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var wanted = options.Value.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);

        // Read all first: deleting while the query's reader is open would be a second command on the same connection.
        var stored = await applications.ListAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        foreach (var existing in stored)
        {
            var clientId = await applications.GetClientIdAsync(existing, cancellationToken);
            if (clientId is null || !wanted.ContainsKey(clientId))
            {
                await applications.DeleteAsync(existing, cancellationToken);
                logger.LogInformation("OpenID client {ClientId} is no longer configured: removed", clientId);
            }
        }
        foreach (var client in wanted.Values)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
        logger.LogInformation("OpenID provider serves {Count} configured client(s)", wanted.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static OpenIddictApplicationDescriptor Describe(ProviderClient client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            DisplayName = client.DisplayName,
            // Every first use asks the person; a stored yes is reused until they withdraw it.
            ConsentType = ConsentTypes.Explicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId && s != Scopes.OfflineAccess))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        return descriptor;
    }
}

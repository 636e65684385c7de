using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MockLoop.Web.Security;

public static class SecurityRegistration
{
    /// <summary>Origins, the TLS proxy settings and the form-post rate limits, all validated at start-up.</summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddRateLimiter(RateLimitPolicies.AddPolicies);

        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in security.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }
            foreach (var network in security.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = security.HstsMaxAge);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>First in the pipeline: what the proxy says about scheme and client comes before anything reads them.</summary>
    public static WebApplication UseProxyAndTransportSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
        if (security.Hsts)
        {
            app.UseHsts();
        }
        return app;
    }

    /// <summary>After routing (policies are endpoint metadata) and authentication (limits per user).</summary>
    public static WebApplication UseFormRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/hubs"), hubs => hubs.Use(OriginCheck.InvokeAsync));
        return app;
    }
}

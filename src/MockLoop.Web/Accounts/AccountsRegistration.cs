using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Accounts.External;
using MockLoop.Web.Data;
using MockLoop.Web.Security;

namespace MockLoop.Web.Accounts;

public static class AccountsRegistration
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddSharedKeys();
        builder.Services.AddCascadingAuthenticationState();
        var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        builder.AddExternalSignIn(authentication);
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "mockloop.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Behind a TLS proxy the app itself may see http; Security:SecureCookies says the browser only ever uses https.
            cookie.Cookie.SecurePolicy = builder.Configuration.GetValue<bool>($"{SecurityOptions.Section}:{nameof(SecurityOptions.SecureCookies)}")
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Script clients (the hub, JSON endpoints) get a status code, not a redirect to an HTML page.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (IsForScript(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();

        builder.Services
            .AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                // An account opens once its owner follows the link mailed at registration (ADR 054).
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<External.ExternalMails>();
        return builder;
    }

    private static bool IsForScript(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/api");

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // Sign-out is a POST with antiforgery, so a link on another site cannot sign people out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).RequireAntiforgery();
        app.MapExternalSignIn();
        return app;
    }
}

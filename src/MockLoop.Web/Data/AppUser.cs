using Microsoft.AspNetCore.Identity;

namespace MockLoop.Web.Data;

public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 60;

    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

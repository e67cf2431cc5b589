using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// Identity's hook for "may this account sign in at all" (SignIn.RequireConfirmedAccount): a disabled
/// account (停用, SystemAdministrationService) may not. Its sessions were ended when it was disabled.
/// </summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}

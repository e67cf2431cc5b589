namespace CeAdmin.App.Features.Accounts;

public static class CredentialSetup
{
    /// <summary>Credentials: the SMS sender of the environment, throttling, the sign-in check.</summary>
    public static void AddCeAdminCredentials(this WebApplicationBuilder builder)
    {
        builder.AddCeAdminSms();
        builder.AddCeAdminThrottling();
        builder.Services.AddScoped<SignInCheck>();
    }
}

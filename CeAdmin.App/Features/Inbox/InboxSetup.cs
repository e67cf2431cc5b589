namespace CeAdmin.App.Features.Inbox;

/// <summary>The "Inbox" configuration section.</summary>
public sealed class InboxOptions
{
    /// <summary>
    /// How often an open page reads its 待办 counts and unread messages again (0: never, only on this instance's own
    /// changes). What another instance changed reaches the page within this time (docs/decisions/0017).
    /// </summary>
    public double RefreshSeconds { get; set; } = 30;
}

public static class InboxSetup
{
    /// <summary>The per-circuit pulse that keeps the 首页's cards and the unread badge current.</summary>
    public static void AddCeAdminInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Inbox").Get<InboxOptions>() ?? new InboxOptions());
        builder.Services.AddScoped<InboxPulse>();
    }
}

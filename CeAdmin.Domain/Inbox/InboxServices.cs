using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CeAdmin.Domain.Inbox;

public static class InboxServices
{
    /// <summary>The inbox's notifier (one per process), 站内消息 and 常用审核意见.</summary>
    public static IServiceCollection AddInboxAndMessages(this IServiceCollection services)
    {
        services.TryAddSingleton<InboxNotifier>();
        services.AddScoped<MessageService>();
        services.AddScoped<CommonOpinionService>();
        return services;
    }
}

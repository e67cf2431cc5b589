using CeAdmin.Domain.Accounts;
using Microsoft.Extensions.Logging.Testing;

namespace CeAdmin.Tests.Operations;

/// <summary>No personal identifier in the logs: the development SMS sender masks the phone number it logs.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task The_logging_sms_sender_masks_the_phone_number()
    {
        var logger = new FakeLogger<LogSmsSender>();

        await new LogSmsSender(logger).SendAsync(new SmsCodeMessage("13812345678", "123456", SmsPurpose.PasswordReset, 5));

        var line = logger.LatestRecord.Message;
        Assert.DoesNotContain("13812345678", line);
        Assert.Contains("138****5678", line);
    }
}

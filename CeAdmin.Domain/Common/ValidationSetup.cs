using System.Globalization;
using FluentValidation;

namespace CeAdmin.Domain.Common;

public static class ValidationSetup
{
    /// <summary>Built-in FluentValidation messages (NotEmpty etc.) in Chinese regardless of request culture.</summary>
    public static void UseChinese() =>
        ValidatorOptions.Global.LanguageManager.Culture = new CultureInfo("zh-CN");
}

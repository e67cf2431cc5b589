using CeAdmin.Domain;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Statistics;

namespace CeAdmin.App.Features.Administration;

/// <summary>
/// The system administrator's command line, until the administrator role has its pages:
/// <c>dotnet CeAdmin.App.dll admin &lt;command&gt; --option value …</c> with the instance's usual
/// settings (appsettings, environment). It opens the HRSS department, which 单位账号注册 never
/// offers, opens the 系统管理员 and 安全审计员 accounts, disables, re-enables and unlocks accounts, verifies
/// the audit chain and runs the audit retention job (docs/deploy.md, "Administration"). Its actions are
/// audited as 系统管理员（命令行）.
/// </summary>
public static class AdminCommand
{
    public const string Verb = "admin";
    /// <summary>Read instead of the terminal, so the password never appears in the process list or shell history.</summary>
    public const string PasswordVariable = "CEADMIN_ADMIN_PASSWORD";

    private const string Usage = """
        用法 (usage):
          dotnet CeAdmin.App.dll admin create-hrss --code <统一社会信用代码> --login <单位登录账号> --operator <实名个人登录账号> [--name <单位名称>]
              the unit login's password is read from CEADMIN_ADMIN_PASSWORD, or from standard input
          dotnet CeAdmin.App.dll admin create-administrator --login <登录账号> --name <姓名> --mobile <手机号码>
          dotnet CeAdmin.App.dll admin create-auditor --login <登录账号> --name <姓名> --mobile <手机号码>
              a 系统管理员 / 安全审计员 account (password as above); it signs in with 个人登录 and chooses that role
          dotnet CeAdmin.App.dll admin disable-account --login <登录账号>
          dotnet CeAdmin.App.dll admin enable-account --login <登录账号>
          dotnet CeAdmin.App.dll admin unlock-account --login <登录账号>
          dotnet CeAdmin.App.dll admin verify-audit          exit code 0: the audit chain is intact, 3: it is broken
          dotnet CeAdmin.App.dll admin archive-audit         runs the retention job now (archive, purge, verify)
          dotnet CeAdmin.App.dll admin rebuild-statistics [--check]
              recounts the statistics summary from the records, plans and hours rules and says how the stored one
              differed; with --check it only compares (exit code 1 when they differ) and changes nothing
        Settings (Database__Provider, Database__ConnectionString, …) are those of the instance.
        """;

    private static readonly HashSet<string> Options = ["name", "code", "login", "operator", "mobile"];
    /// <summary>Options without a value (never handed to the host, whose command line would take the next argument as their value).</summary>
    private static readonly HashSet<string> Flags = ["check"];

    private static readonly HashSet<string> Commands =
        ["create-hrss", "create-administrator", "create-auditor", "disable-account", "enable-account", "unlock-account", "verify-audit", "archive-audit", "rebuild-statistics"];

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <returns>The process exit code: 0 done, 1 refused, 2 wrong usage.</returns>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var (command, options, hostArgs) = Parse(args);
        if (command is null || !Commands.Contains(command))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(hostArgs);
        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddCeAdminDomain(database);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions());
        builder.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(Actor.Console("系统管理员（命令行）")));
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The schema must be current; the command never seeds demo data (it does not register any).
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var admin = services.GetRequiredService<SystemAdministrationService>();

        try
        {
            switch (command)
            {
                case "create-hrss":
                    var form = new HrssDepartmentForm
                    {
                        Code = options.GetValueOrDefault("code", ""),
                        LoginName = options.GetValueOrDefault("login", ""),
                        OperatorLoginName = options.GetValueOrDefault("operator", ""),
                        Password = await PasswordAsync(input, error),
                    };
                    if (options.TryGetValue("name", out var name)) form.UnitName = name;
                    var unitId = await admin.CreateHrssDepartmentAsync(form);
                    await output.WriteLineAsync($"已开设人社业务主管部门“{form.UnitName}”（单位账号 {unitId}，单位登录账号 {form.LoginName}，经办人 {form.OperatorLoginName}）。");
                    break;
                case "rebuild-statistics":
                    return await RebuildStatisticsAsync(services, options.ContainsKey("check"), output);
                case "create-administrator" or "create-auditor":
                    var role = command == "create-administrator" ? SystemRole.Administrator : SystemRole.Auditor;
                    await admin.CreateSystemAccountAsync(new SystemAccountForm
                    {
                        Role = role, LoginName = options.GetValueOrDefault("login", ""), RealName = options.GetValueOrDefault("name", ""),
                        Mobile = options.GetValueOrDefault("mobile", ""), Password = await PasswordAsync(input, error),
                    });
                    await output.WriteLineAsync($"已开设{role.ToLabel()}账号 {options["login"]}：以个人登录后选择“{role.ToLabel()}”角色进入。");
                    break;
                case "disable-account":
                    await admin.DisableAccountAsync(options.GetValueOrDefault("login", ""));
                    await output.WriteLineAsync($"已停用账号 {options["login"]}，其所有会话已结束。");
                    break;
                case "enable-account":
                    await admin.EnableAccountAsync(options.GetValueOrDefault("login", ""));
                    await output.WriteLineAsync($"已启用账号 {options["login"]}。");
                    break;
                case "unlock-account":
                    await admin.UnlockAccountAsync(options.GetValueOrDefault("login", ""));
                    await output.WriteLineAsync($"已解锁账号 {options["login"]}。");
                    break;
                case "verify-audit":
                    var verification = await services.GetRequiredService<AuditService>().VerifyAsync();
                    await output.WriteLineAsync(verification.Summary);
                    foreach (var broken in verification.Breaks) await output.WriteLineAsync($"  第{broken.Id}条：{broken.Problem}");
                    return verification.Intact ? 0 : 3;
                default:
                    // The retention period may have been changed at run time (运行参数).
                    await services.GetRequiredService<RuntimeSettingsService>().RefreshAsync();
                    var run = await services.GetRequiredService<AuditRetention>().RunAsync(force: true);
                    await output.WriteLineAsync($"已归档并清除{run.Archived}条超过保留期限的审计记录（{run.Files.Count}个文件）；{run.Verification?.Summary}");
                    foreach (var file in run.Files) await output.WriteLineAsync("  " + file);
                    break;
            }
            return 0;
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors) await error.WriteLineAsync($"{field}: {string.Join("；", messages)}");
            return 1;
        }
        catch (DomainException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static async Task<int> RebuildStatisticsAsync(IServiceProvider services, bool checkOnly, TextWriter output)
    {
        await using var db = services.GetRequiredService<AppDbContextOptions>().Create();
        var difference = await StatisticsSummary.CheckAsync(db, repair: !checkOnly);
        if (difference.None)
        {
            await output.WriteLineAsync("统计汇总与全量重新统计一致。 (The statistics summary equals a full recount.)");
            return 0;
        }
        await output.WriteLineAsync($"统计汇总与全量重新统计不一致：{difference}");
        if (checkOnly) return 1;
        await output.WriteLineAsync("已按全量重新统计重建统计汇总。 (Rebuilt from the full recount.)");
        return 0;
    }

    /// <summary>The command, its own --options, and everything else for the host's configuration (e.g. --Database:ConnectionString=…).</summary>
    private static (string? Command, Dictionary<string, string> Options, string[] HostArgs) Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        var host = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var key = args[i].StartsWith("--") ? args[i][2..] : null;
            if (key is not null && Flags.Contains(key)) options[key] = "true";
            else if (key is not null && Options.Contains(key) && i + 1 < args.Length) options[key] = args[++i];
            else host.Add(args[i]);
        }
        return (args.Length > 1 ? args[1] : null, options, host.ToArray());
    }

    private static async Task<string> PasswordAsync(TextReader input, TextWriter error) =>
        Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await ReadPasswordAsync(input, error);

    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter error)
    {
        await error.WriteAsync("单位登录密码 (password): ");
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            // Typed at a terminal: read without echo.
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else typed.Append(key.KeyChar);
            }
            await error.WriteLineAsync();
            return typed.ToString();
        }
        return (await input.ReadLineAsync())?.Trim() ?? "";
    }
}

using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Administration;

/// <summary>A value the system administrator changed at run time (运行参数); absent keys keep the configured default.</summary>
public sealed class RuntimeSetting
{
    public string Key { get; set; } = "";
    public int Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public sealed class RuntimeSettingConfiguration : IEntityTypeConfiguration<RuntimeSetting>
{
    public void Configure(EntityTypeBuilder<RuntimeSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(50);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

/// <summary>One setting an operator may change while the system runs: its label, unit and allowed range.</summary>
public sealed record SettingDefinition(string Key, string Label, string Unit, int Min, int Max, string Hint);

/// <summary>
/// The run-time settings and their current values, one instance per process. Defaults come from the
/// configuration (Security:…, Audit:RetentionDays); a value the administrator saved in the database
/// overrides its default on every instance (<see cref="RuntimeSettingsService.RefreshAsync"/> reads
/// them at start and every minute). <see cref="Changed"/> lets the app apply them (lockout, sessions).
/// </summary>
public sealed class RuntimeSettings
{
    public const string AuditRetentionDays = nameof(AuditRetentionDays);
    public const string MaxFailedSignIns = nameof(MaxFailedSignIns);
    public const string LockoutMinutes = nameof(LockoutMinutes);
    public const string IdleMinutes = nameof(IdleMinutes);
    public const string AbsoluteSessionHours = nameof(AbsoluteSessionHours);

    /// <summary>MLPS 2.0 level 3 keeps audit records at least six months: the retention never goes below 180 days.</summary>
    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(AuditRetentionDays, "审计日志保留期限", "天", 180, 3650, "不少于180天（等保三级要求审计记录至少保存六个月）；更早的记录归档到文件后从数据库清除"),
        new(MaxFailedSignIns, "连续密码错误锁定次数", "次", 3, 10, "连续输错密码达到该次数，账号被锁定"),
        new(LockoutMinutes, "账号锁定时长", "分钟", 5, 1440, "锁定期满自动解锁；系统管理员也可在账号管理中解锁"),
        new(IdleMinutes, "无操作自动退出", "分钟", 5, 120, "超过该时长未操作，系统自动退出登录"),
        new(AbsoluteSessionHours, "登录会话最长时长", "小时", 1, 24, "自输入密码登录起超过该时长，须重新登录"),
    ];

    private readonly Dictionary<string, int> _defaults;
    private volatile IReadOnlyDictionary<string, int> _stored = new Dictionary<string, int>();

    /// <param name="defaults">The configured values (the configuration is the operator's own choice: not clamped).</param>
    public RuntimeSettings(IReadOnlyDictionary<string, int> defaults) =>
        _defaults = Definitions.ToDictionary(d => d.Key, d => defaults.GetValueOrDefault(d.Key, d.Min));

    /// <summary>Raised after values changed (on this instance, or when another instance's change was read).</summary>
    public event Action<RuntimeSettings>? Changed;

    /// <summary>The stored value if the administrator set one, else the configured default.</summary>
    public int this[string key] => _stored.TryGetValue(key, out var v) ? v : _defaults[key];

    public int DefaultOf(string key) => _defaults[key];

    /// <summary>True when the administrator saved a value for <paramref name="key"/> (the app then applies it over its configuration).</summary>
    public bool IsOverridden(string key) => _stored.ContainsKey(key);

    public static SettingDefinition Definition(string key) =>
        Definitions.FirstOrDefault(d => d.Key == key) ?? throw new DomainException($"没有名为 {key} 的运行参数");

    /// <summary>Takes the stored values (each within its range); raises Changed if anything differs from before.</summary>
    internal void Apply(IReadOnlyDictionary<string, int> stored)
    {
        var next = Definitions.Where(d => stored.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => Math.Clamp(stored[d.Key], d.Min, d.Max));
        var before = _stored;
        if (before.Count == next.Count && next.All(kv => before.TryGetValue(kv.Key, out var v) && v == kv.Value)) return;
        _stored = next;
        Changed?.Invoke(this);
    }
}

/// <summary>A row of 运行参数.</summary>
public sealed record SettingRow(SettingDefinition Definition, int Value, int Default, DateTime? UpdatedAt, string UpdatedBy);

/// <summary>运行参数: the system administrator reads and changes them; every instance reads them back.</summary>
public sealed class RuntimeSettingsService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, RuntimeSettings settings, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SettingRow>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await using var db = dbFactory.CreateDbContext();
        var stored = await db.RuntimeSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, ct);
        return RuntimeSettings.Definitions.Select(d => stored.TryGetValue(d.Key, out var s)
            ? new SettingRow(d, s.Value, settings.DefaultOf(d.Key), s.UpdatedAt, s.UpdatedBy)
            : new SettingRow(d, settings[d.Key], settings.DefaultOf(d.Key), null, "")).ToList();
    }

    /// <summary>Saves a new value (within its range) and applies it on this instance at once; the others read it within a minute.</summary>
    public Task ChangeAsync(string key, int value, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.SettingChanged, key, new { Key = key, Value = value }, nameof(RuntimeSetting), key), async () =>
        {
            var actor = await currentUser.RequireSystemAdministratorAsync();
            var d = RuntimeSettings.Definition(key);
            if (value < d.Min || value > d.Max)
                throw new ValidationFailedException(key, $"{d.Label}应在{d.Min}至{d.Max}{d.Unit}之间");
            await using var db = dbFactory.CreateDbContext();
            var row = await db.RuntimeSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
            var old = row?.Value ?? settings[key];
            if (row is null) db.RuntimeSettings.Add(row = new RuntimeSetting { Key = key });
            row.Value = value;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            row.UpdatedBy = actor.UserName;
            db.StageAudit(new AuditRecord(AuditEvent.SettingChanged, key, new { Key = key, d.Label, Old = old, New = value }, nameof(RuntimeSetting), key));
            await db.SaveChangesAsync(ct);
            await RefreshAsync(ct);
        }, ct);

    /// <summary>Reads the stored values into this instance's <see cref="RuntimeSettings"/>.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        settings.Apply(await db.RuntimeSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct));
    }
}

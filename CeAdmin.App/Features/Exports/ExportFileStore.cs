using System.Collections.Concurrent;
using System.Security.Cryptography;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.App.Features.Exports;

/// <summary>The "Exports" configuration section.</summary>
public sealed class ExportOptions
{
    /// <summary>Where an export is written while it runs (local to the instance); the finished file goes into the database.</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "ceadmin-exports");
    /// <summary>How long a finished file waits for its one download before it is deleted.</summary>
    public double LifetimeMinutes { get; set; } = 10;
    /// <summary>Exports running at once on this instance; each holds a database reader open.</summary>
    public int MaxConcurrent { get; set; } = 4;
}

/// <summary>A finished export claimed for its one download.</summary>
public sealed record ExportDownload(Guid Id, string FileName, long Size, int Chunks);

/// <summary>
/// Export files on their way to the browser. A grid's export streams into a local temporary file (never
/// into memory); when it is complete the file is copied into the database in 1 MiB chunks and gets a
/// one-time token bound to the user who made it. Any instance serves the download: it claims the token
/// (only its owner can, once), streams the chunks and deletes them. Tokens nobody used expire and
/// <see cref="SweepAsync"/> deletes their files. When the instance stops, running exports are cancelled
/// and their partial files deleted.
/// </summary>
public sealed class ExportFileStore
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BusyMessage = "当前导出任务较多，请稍后再试";
    public const string StorageMessage = "导出失败：服务器无法写入导出文件（导出目录不可写或磁盘空间不足），请联系系统管理员";
    public const string StoppingMessage = "服务器正在重启维护，导出已取消，请稍后重新导出";
    internal const int ChunkBytes = 1024 * 1024;
    private const string PendingSuffix = ".part";

    private readonly ExportOptions _options;
    private readonly AppDbContextOptions _database;
    private readonly TimeProvider _clock;
    private readonly AppMetrics _metrics;
    private readonly ILogger<ExportFileStore> _logger;
    private readonly ConcurrentDictionary<string, PendingExport> _running = new();
    private readonly SemaphoreSlim _slots;

    public ExportFileStore(ExportOptions options, AppDbContextOptions database, TimeProvider clock, AppMetrics metrics,
        IHostApplicationLifetime lifetime, ILogger<ExportFileStore> logger)
    {
        _options = options;
        _database = database;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        Stopping = lifetime.ApplicationStopping;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrent));
    }

    /// <summary>Cancelled when the instance begins to stop: running exports end, new ones are refused.</summary>
    public CancellationToken Stopping { get; }

    private TimeSpan Lifetime => TimeSpan.FromMinutes(_options.LifetimeMinutes);

    /// <summary>A new temporary file for <paramref name="fileName"/>, owned by <paramref name="owner"/>.</summary>
    /// <exception cref="DomainException">Too many exports run, the instance is stopping, or the directory cannot be written.</exception>
    public PendingExport Begin(Actor owner, string fileName)
    {
        if (Stopping.IsCancellationRequested) throw new DomainException(StoppingMessage);
        if (!_slots.Wait(0)) throw new DomainException(BusyMessage);
        try
        {
            Directory.CreateDirectory(_options.Directory);
            var path = Path.Combine(_options.Directory, Guid.NewGuid().ToString("N") + PendingSuffix);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            var export = new PendingExport(this, owner, fileName, path, stream);
            _running[path] = export;
            _metrics.ExportStarted();
            return export;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _slots.Release();
            _logger.LogError(ex, "Export directory {Directory} cannot be written", _options.Directory);
            throw new DomainException(StorageMessage, ex);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>
    /// Claims the file behind <paramref name="token"/> for its one download if <paramref name="userId"/> made it and it
    /// has neither been fetched nor expired; a second claim, another user's or an expired one gets null.
    /// </summary>
    public async Task<ExportDownload?> TakeAsync(string token, string? userId, CancellationToken ct = default)
    {
        if (userId is null) return null;
        var hash = Hash(token);
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = _database.Create();
        // One UPDATE decides the race between two requests (two instances) for the same link.
        var claimed = await db.ExportFiles
            .Where(f => f.TokenHash == hash && f.OwnerUserId == userId && f.TakenAt == null && f.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.TakenAt, now), ct);
        if (claimed == 0) return null;
        return await db.ExportFiles.AsNoTracking().Where(f => f.TokenHash == hash)
            .Select(f => new ExportDownload(f.Id, f.FileName, f.Size, f.ChunkCount))
            .SingleAsync(ct);
    }

    /// <summary>Writes a claimed file to <paramref name="output"/> one chunk at a time, then deletes it (also when the download breaks off).</summary>
    public async Task CopyToAsync(ExportDownload file, Stream output, CancellationToken ct)
    {
        try
        {
            for (var seq = 0; seq < file.Chunks; seq++)
            {
                await using var db = _database.Create();
                var data = await db.ExportFileChunks.AsNoTracking()
                    .Where(c => c.ExportFileId == file.Id && c.Seq == seq)
                    .Select(c => c.Data)
                    .SingleAsync(ct);
                await output.WriteAsync(data, ct);
            }
        }
        finally
        {
            await DeleteAsync(file.Id);
        }
    }

    /// <summary>Deletes expired files from the database and temporary files left behind here (a crash); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var stale = now - Lifetime;
        int deleted;
        await using (var db = _database.Create())
        {
            // A download still running past the expiry keeps its chunks for one more lifetime.
            deleted = await db.ExportFiles.Where(f => f.ExpiresAt <= now && (f.TakenAt == null || f.TakenAt <= stale)).ExecuteDeleteAsync(ct);
        }
        if (!Directory.Exists(_options.Directory)) return deleted;
        foreach (var file in Directory.EnumerateFiles(_options.Directory))
        {
            if (_running.ContainsKey(file)) continue;
            if (File.GetLastWriteTimeUtc(file) <= stale && TryDelete(file)) deleted++;
        }
        return deleted;
    }

    /// <summary>Waits (at most until <paramref name="ct"/>) for the running exports to end; they were cancelled by <see cref="Stopping"/>.</summary>
    public async Task WaitForRunningAsync(CancellationToken ct)
    {
        while (!_running.IsEmpty && !ct.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
    }

    internal async Task<string> CompleteAsync(PendingExport export, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = _clock.GetUtcNow().UtcDateTime;
        var size = new FileInfo(export.Path).Length;
        var file = new ExportFile
        {
            Id = Guid.NewGuid(), TokenHash = Hash(token), OwnerUserId = export.Owner.UserId, FileName = export.FileName,
            Size = size, ChunkCount = (int)((size + ChunkBytes - 1) / ChunkBytes), CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        await using (var db = Context(export.Owner))
        {
            db.ExportFiles.Add(file);
            await db.SaveChangesAsync(ct);
        }

        // The token is handed out only after the last chunk is in: nobody can fetch a half-copied file.
        try
        {
            await using var source = new FileStream(export.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var buffer = new byte[ChunkBytes];
            for (var seq = 0; seq < file.ChunkCount; seq++)
            {
                var read = await source.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
                await using var db = Context(export.Owner);
                db.ExportFileChunks.Add(new ExportFileChunk { ExportFileId = file.Id, Seq = seq, Data = buffer[..read] });
                await db.SaveChangesAsync(ct);
            }
        }
        catch
        {
            await DeleteAsync(file.Id);
            throw;
        }
        return token;
    }

    internal void End(PendingExport export)
    {
        // The local file is only the export's workspace: finished or not, it goes.
        TryDelete(export.Path);
        if (_running.TryRemove(export.Path, out _))
        {
            _metrics.ExportEnded();
            _slots.Release();
        }
    }

    private AppDbContext Context(Actor owner)
    {
        var db = _database.Create();
        db.AuditUser = new FixedCurrentUser(owner);
        return db;
    }

    private async Task DeleteAsync(Guid id)
    {
        try
        {
            await using var db = _database.Create();
            await db.ExportFiles.Where(f => f.Id == id).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DomainException)
        {
            // The sweeper deletes it once it expires.
            _logger.LogWarning(ex, "Export file {Id} could not be deleted now", id);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// An export being written. Write to <see cref="Stream"/>, then <see cref="CompleteAsync"/> for the
/// download URL; disposing without completing (cancelled, failed) deletes the partial file.
/// </summary>
public sealed class PendingExport : IAsyncDisposable
{
    private readonly ExportFileStore _store;
    private readonly FileStream _stream;
    private bool _ended;

    internal PendingExport(ExportFileStore store, Actor owner, string fileName, string path, FileStream stream)
    {
        _store = store;
        Owner = owner;
        FileName = fileName;
        Path = path;
        _stream = stream;
    }

    public Actor Owner { get; }
    public string FileName { get; }
    internal string Path { get; }
    public Stream Stream => _stream;

    /// <summary>Closes the file, stores it for its download and returns its one-time URL.</summary>
    public async Task<string> CompleteAsync(CancellationToken ct = default)
    {
        await _stream.DisposeAsync();
        var token = await _store.CompleteAsync(this, ct);
        await DisposeAsync();
        return ExportEndpoints.DownloadPath(token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ended) return;
        _ended = true;
        try
        {
            await _stream.DisposeAsync();
        }
        catch (IOException)
        {
            // A full disk refuses the last buffered bytes as well; the file is deleted all the same.
        }
        finally
        {
            _store.End(this);
        }
    }
}

/// <summary>Deletes export files nobody downloaded, every minute; at shutdown, waits for the cancelled exports to clean up.</summary>
public sealed class ExportSweeper(ExportFileStore store, ILogger<ExportSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                var deleted = await store.SweepAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} expired export file(s)", deleted);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or DomainException)
            {
                // The database is away (a restart): the next round sweeps.
                logger.LogWarning(ex, "Export sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await store.WaitForRunningAsync(cancellationToken);
    }
}

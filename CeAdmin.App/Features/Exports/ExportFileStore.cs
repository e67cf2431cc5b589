using System.Collections.Concurrent;
using System.Security.Cryptography;
using CeAdmin.Domain.Common;

namespace CeAdmin.App.Features.Exports;

/// <summary>The "Exports" configuration section.</summary>
public sealed class ExportOptions
{
    /// <summary>Where export files wait for their download; local to the instance (sticky sessions bring the download back to it).</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "ceadmin-exports");
    /// <summary>How long a finished file waits for its one download before it is deleted.</summary>
    public double LifetimeMinutes { get; set; } = 10;
    /// <summary>Exports running at once on this instance; each holds a database reader open.</summary>
    public int MaxConcurrent { get; set; } = 4;
}

/// <summary>A finished export handed to its download.</summary>
public sealed record ExportDownload(string Path, string FileName);

/// <summary>
/// Export files on their way to the browser. A grid's export streams into a temporary file (never into
/// memory); when it is complete the file gets a one-time ticket bound to the user who made it. The
/// download endpoint takes the ticket (only that user can) and deletes the file once sent; tickets
/// nobody used expire and <see cref="Sweep"/> deletes their files.
/// </summary>
public sealed class ExportFileStore
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string PendingSuffix = ".part";

    private readonly ExportOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Ticket> _tickets = new();
    private readonly ConcurrentDictionary<string, byte> _pending = new();
    private readonly SemaphoreSlim _slots;

    public ExportFileStore(ExportOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrent));
    }

    private sealed record Ticket(string OwnerUserId, string FileName, string Path, DateTimeOffset ExpiresAt);

    private TimeSpan Lifetime => TimeSpan.FromMinutes(_options.LifetimeMinutes);

    /// <summary>A new temporary file for <paramref name="fileName"/>, owned by <paramref name="ownerUserId"/>.</summary>
    public PendingExport Begin(string ownerUserId, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        if (!_slots.Wait(0)) throw new DomainException("当前导出任务较多，请稍后再试");
        try
        {
            Directory.CreateDirectory(_options.Directory);
            var path = Path.Combine(_options.Directory, Guid.NewGuid().ToString("N") + PendingSuffix);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            _pending[path] = 0;
            return new PendingExport(this, ownerUserId, fileName, path, stream);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>The file behind <paramref name="token"/> if <paramref name="userId"/> made it and it has not been fetched or expired; the ticket is used up.</summary>
    public ExportDownload? Take(string token, string? userId)
    {
        if (userId is null || !_tickets.TryGetValue(token, out var ticket) || ticket.OwnerUserId != userId) return null;
        if (!_tickets.TryRemove(token, out ticket)) return null;
        if (ticket.ExpiresAt > _clock.GetUtcNow() && File.Exists(ticket.Path)) return new ExportDownload(ticket.Path, ticket.FileName);
        TryDelete(ticket.Path);
        return null;
    }

    /// <summary>Deletes expired tickets' files and files left behind (a crash, a dropped circuit); returns how many.</summary>
    public int Sweep()
    {
        var now = _clock.GetUtcNow();
        var deleted = 0;
        foreach (var (token, ticket) in _tickets)
        {
            if (ticket.ExpiresAt <= now && _tickets.TryRemove(token, out _) && TryDelete(ticket.Path)) deleted++;
        }
        if (!Directory.Exists(_options.Directory)) return deleted;
        var live = _tickets.Values.Select(t => t.Path).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(_options.Directory))
        {
            if (live.Contains(file) || _pending.ContainsKey(file)) continue;
            if (File.GetLastWriteTimeUtc(file) <= now.UtcDateTime - Lifetime && TryDelete(file)) deleted++;
        }
        return deleted;
    }

    internal string Complete(PendingExport export)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var path = export.Path[..^PendingSuffix.Length] + ".xlsx";
        File.Move(export.Path, path);
        _tickets[token] = new Ticket(export.OwnerUserId, export.FileName, path, _clock.GetUtcNow() + Lifetime);
        return token;
    }

    internal void End(PendingExport export, bool completed)
    {
        _pending.TryRemove(export.Path, out _);
        if (!completed) TryDelete(export.Path);
        _slots.Release();
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

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
    private bool _completed;
    private bool _ended;

    internal PendingExport(ExportFileStore store, string ownerUserId, string fileName, string path, FileStream stream)
    {
        _store = store;
        OwnerUserId = ownerUserId;
        FileName = fileName;
        Path = path;
        _stream = stream;
    }

    public string OwnerUserId { get; }
    public string FileName { get; }
    internal string Path { get; }
    public Stream Stream => _stream;

    /// <summary>Closes the file and returns its one-time download URL.</summary>
    public async Task<string> CompleteAsync()
    {
        await _stream.DisposeAsync();
        var token = _store.Complete(this);
        _completed = true;
        await DisposeAsync();
        return ExportEndpoints.DownloadPath(token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ended) return;
        _ended = true;
        await _stream.DisposeAsync();
        _store.End(this, _completed);
    }
}

/// <summary>Deletes export files nobody downloaded, every minute.</summary>
public sealed class ExportSweeper(ExportFileStore store, ILogger<ExportSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            var deleted = store.Sweep();
            if (deleted > 0) logger.LogInformation("Deleted {Count} expired export file(s)", deleted);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

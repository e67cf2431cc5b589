using CeAdmin.Domain.Common;
using CeAdmin.Domain.Inbox;

namespace CeAdmin.App.Features.Inbox;

/// <summary>
/// One per circuit (a scoped service): tells the open page's live parts (the 首页's cards, the unread badge) to read
/// their data again, at once when this instance's <see cref="InboxNotifier"/> reports a change of the signed-in
/// unit or account, and every <see cref="InboxOptions.RefreshSeconds"/> for what other instances changed. It starts
/// with its first listener, which a component adds only once interactive: a prerendering request never starts a timer.
/// </summary>
public sealed class InboxPulse(InboxNotifier notifier, ICurrentUser currentUser, InboxOptions options, TimeProvider clock, ILogger<InboxPulse> logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Func<Task>[] _listeners = [];
    private Task? _started;
    private Task? _timer;
    private IDisposable? _subscription;

    /// <summary>Adds a refresh to run on every pulse; dispose the result to remove it (when the component goes).</summary>
    public async Task<IDisposable> ListenAsync(Func<Task> refresh)
    {
        lock (_gate) _listeners = [.. _listeners, refresh];
        // Components start on the circuit's synchronisation context, one at a time: the first one starts the pulse.
        await (_started ??= StartAsync());
        return new Listener(this, refresh);
    }

    private async Task StartAsync()
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null) return;
        _subscription = notifier.Subscribe(change =>
        {
            if (change.Concerns(actor.UnitId, actor.UserId)) _ = PulseAsync();
        });
        if (options.RefreshSeconds > 0) _timer = TickAsync(TimeSpan.FromSeconds(options.RefreshSeconds), _stop.Token);
    }

    private async Task TickAsync(TimeSpan period, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await PulseAsync();
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    private async Task PulseAsync()
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            if (_stop.IsCancellationRequested) return;
            try
            {
                await listener();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One card's failure (say, its circuit is going) must not stop the others or the timer.
                logger.LogWarning(ex, "Inbox refresh failed");
            }
        }
    }

    private void Remove(Func<Task> refresh)
    {
        lock (_gate) _listeners = [.. _listeners.Where(l => l != refresh)];
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _stop.CancelAsync();
        if (_timer is not null) await _timer;
        _stop.Dispose();
    }

    private sealed class Listener(InboxPulse pulse, Func<Task> refresh) : IDisposable
    {
        public void Dispose() => pulse.Remove(refresh);
    }
}

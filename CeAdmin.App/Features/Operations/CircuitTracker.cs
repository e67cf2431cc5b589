using System.Collections.Concurrent;
using System.Security.Claims;
using CeAdmin.Domain.Operations;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CeAdmin.App.Features.Operations;

/// <summary>
/// The circuits on this instance whose page is connected, and whose they are: the gauges ceadmin.circuits.open
/// and ceadmin.operators.signed_in (distinct accounts with a connected page). A circuit whose connection dropped
/// waits a few minutes for its page to reconnect; it does not count meanwhile, since a browser closed without
/// saying so looks just like that. Also sends the notice to every open page when the instance stops.
/// </summary>
public sealed class OpenCircuits
{
    private sealed record Entry(string? AccountId, bool Connected);

    private readonly ConcurrentDictionary<string, Entry> _circuits = new();
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<OpenCircuits> _logger;
    private int _hooked;

    public OpenCircuits(AppMetrics metrics, IHostApplicationLifetime lifetime, ILogger<OpenCircuits> logger)
    {
        _lifetime = lifetime;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("ceadmin.circuits.open", () => Connected.Count(), "{circuit}", "Blazor circuits (open pages) connected to this instance");
        metrics.Meter.CreateObservableGauge("ceadmin.operators.signed_in", () => Connected.Select(e => e.AccountId).OfType<string>().Distinct().Count(), "{operator}",
            "Signed-in accounts with at least one open page on this instance");
    }

    private IEnumerable<Entry> Connected => _circuits.Values.Where(e => e.Connected);

    /// <summary>Raised once when the instance begins to stop; each open page shows a notice.</summary>
    public event Func<Task>? Stopping;

    public void Opened(string circuitId, string? accountId)
    {
        _circuits[circuitId] = new Entry(accountId, Connected: false);
        // Registered at the first circuit, after SignalR's own ApplicationStopping callback that closes the
        // connections: cancellation callbacks run last-registered first, so the notice goes out before that.
        if (Interlocked.Exchange(ref _hooked, 1) == 0) _lifetime.ApplicationStopping.Register(NotifyStopping);
    }

    public void ConnectionChanged(string circuitId, bool connected)
    {
        if (_circuits.TryGetValue(circuitId, out var entry)) _circuits[circuitId] = entry with { Connected = connected };
    }

    public void Closed(string circuitId) => _circuits.TryRemove(circuitId, out _);

    private void NotifyStopping()
    {
        var handlers = Stopping?.GetInvocationList().Cast<Func<Task>>().ToList() ?? [];
        _logger.LogInformation("Stopping: telling {Count} open page(s)", handlers.Count);
        if (handlers.Count == 0) return;
        var sent = Task.WhenAll(handlers.Select(h => h()));
        // Give the notices a moment to leave before SignalR closes the connections; never hold the stop for long.
        sent.Wait(TimeSpan.FromSeconds(2));
        Thread.Sleep(TimeSpan.FromMilliseconds(500));
    }
}

/// <summary>Registers each circuit with <see cref="OpenCircuits"/> while it is open.</summary>
public sealed class CircuitTracker(OpenCircuits circuits, AuthenticationStateProvider authState) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        circuits.Opened(circuit.Id, user.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.ConnectionChanged(circuit.Id, connected: true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.ConnectionChanged(circuit.Id, connected: false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed(circuit.Id);
        return Task.CompletedTask;
    }
}

namespace CeAdmin.Domain.Inbox;

/// <summary>Whose 待办 changed: the units (all their operators) and the accounts whose inbox or messages should be read again.</summary>
public sealed record InboxChange(IReadOnlyCollection<int> UnitIds, IReadOnlyCollection<string> UserIds)
{
    public static InboxChange ForUnits(params int[] unitIds) => new(unitIds, []);

    public static InboxChange ForUser(string userId) => new([], [userId]);

    public bool Concerns(int unitId, string userId) => (unitId != 0 && UnitIds.Contains(unitId)) || UserIds.Contains(userId);
}

/// <summary>
/// The in-process half of the inbox's live update (docs/decisions/0017): a service publishes after its save
/// succeeded, and the open pages on this instance whose unit or account is concerned read their counts again
/// at once. Pages on another instance learn of it at their next timed refresh, which reads the database.
/// A singleton; subscribers must return quickly (they only schedule their refresh).
/// </summary>
public sealed class InboxNotifier
{
    private readonly Lock _gate = new();
    private Action<InboxChange>[] _subscribers = [];

    public IDisposable Subscribe(Action<InboxChange> onChange)
    {
        lock (_gate) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    public void Publish(InboxChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            // One page's failure must not keep the others (or the publishing service) from going on.
            try { subscriber(change); }
            catch (Exception) { }
        }
    }

    /// <summary>How many pages listen now (tests, and a closed page must not stay subscribed).</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    private void Unsubscribe(Action<InboxChange> onChange)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != onChange)];
    }

    private sealed class Subscription(InboxNotifier notifier, Action<InboxChange> onChange) : IDisposable
    {
        public void Dispose() => notifier.Unsubscribe(onChange);
    }
}

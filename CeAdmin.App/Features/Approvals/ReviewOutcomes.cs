namespace CeAdmin.App.Features.Approvals;

/// <summary>
/// The decision just saved on a review page, for the grid it returns to: the grid shows it once, with the focus on
/// it (ReviewOutcomeMessage), instead of a snackbar that a screen reader may miss. One per circuit.
/// </summary>
public sealed class ReviewOutcomes
{
    private string? _message;

    public void Set(string message) => _message = message;

    /// <summary>The message, once: a later visit of the grid shows nothing.</summary>
    public string? Take()
    {
        var message = _message;
        _message = null;
        return message;
    }
}

using CeAdmin.Domain.Common;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The field messages of a static server-rendered form, from a service's <see cref="ValidationFailedException"/>.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public string? this[string field] => _errors.TryGetValue(field, out var messages) ? messages[0] : null;

    public void Set(ValidationFailedException ex) => _errors = ex.Errors;

    /// <summary>
    /// aria-invalid and aria-describedby for the input of <paramref name="field"/>, whose message is rendered in the
    /// element with id <paramref name="messageId"/>: a screen reader reads the message with the field.
    /// </summary>
    public IReadOnlyDictionary<string, object> AriaFor(string field, string messageId) =>
        this[field] is null ? NoError : new Dictionary<string, object> { ["aria-invalid"] = "true", ["aria-describedby"] = messageId };

    private static readonly IReadOnlyDictionary<string, object> NoError = new Dictionary<string, object>();

    public void Clear() => _errors = new Dictionary<string, string[]>();
}

using CeAdmin.Domain.Common;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The field messages of a static server-rendered form, from a service's <see cref="ValidationFailedException"/>.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public string? this[string field] => _errors.TryGetValue(field, out var messages) ? messages[0] : null;

    public void Set(ValidationFailedException ex) => _errors = ex.Errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();
}

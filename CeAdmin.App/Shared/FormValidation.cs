using CeAdmin.Domain.Common;

namespace CeAdmin.App.Shared;

/// <summary>
/// Feeds MudForm both the validator's field messages and the ones the server returned for the
/// same fields (a duplicate login name, a wrong SMS code), so every refusal shows at its field.
/// </summary>
public sealed class FormValidation<T>(FormValidator<T> validator)
{
    private readonly Dictionary<string, string[]> _server = [];

    public FormValidator<T> Validator => validator;

    /// <summary>Pass to MudForm's Validation parameter.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => _validate ??= ValidateAsync;
    private Func<object, string, Task<IEnumerable<string>>>? _validate;

    /// <summary>Shows a server refusal at its fields; returns false when it named no field.</summary>
    public bool Accept(ValidationFailedException ex)
    {
        _server.Clear();
        foreach (var (field, messages) in ex.Errors) _server[field] = messages;
        return _server.Count > 0;
    }

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        var messages = (await validator.ValidateValue(model, property)).ToList();
        // A server message shows once; the next edit of the field validates afresh.
        if (_server.Remove(property, out var server)) messages.AddRange(server);
        return messages;
    }
}

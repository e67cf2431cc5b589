using CeAdmin.Domain.Common;
using MudBlazor;

namespace CeAdmin.App.Shared;

/// <summary>
/// Feeds MudForm both the validator's field messages and the ones the server returned for the
/// same fields (a duplicate login name, a wrong SMS code), so every refusal shows at its field.
/// When a save finds red fields, one summary message says so (never a second one, whichever form
/// showed it), and it goes away as soon as the last red field is put right.
/// </summary>
public sealed class FormValidation<T>(FormValidator<T> validator)
{
    public const string InvalidMessage = FormValidation.InvalidMessage;
    public const string InvalidKey = FormValidation.InvalidKey;

    private readonly Dictionary<string, string[]> _server = [];
    // Fields whose last validation found something; the summary goes when this empties.
    private readonly HashSet<string> _red = [];
    private ISnackbar? _snackbar;

    public FormValidator<T> Validator => validator;

    /// <summary>Pass to MudForm's Validation parameter.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => _validate ??= ValidateAsync;
    private Func<object, string, Task<IEnumerable<string>>>? _validate;

    /// <summary>
    /// Before a save: validates every field of <paramref name="form"/> (and <paramref name="more"/>, for fields
    /// shown outside it); false, with the one summary message, when anything is red.
    /// </summary>
    public async Task<bool> CheckAsync(MudForm form, ISnackbar snackbar, Func<Task<bool>>? more = null)
    {
        _snackbar = snackbar;
        _red.Clear();
        await form.ValidateAsync();
        var valid = form.IsValid;
        if (more is not null) valid &= await more();
        if (valid) snackbar.RemoveByKey(InvalidKey);
        else ShowSummary();
        return valid;
    }

    /// <summary>Shows a server refusal at its fields (with the summary); returns false when it named no field.</summary>
    public bool Accept(ValidationFailedException ex)
    {
        _server.Clear();
        foreach (var (field, messages) in ex.Errors) _server[field] = messages;
        if (_server.Count == 0) return false;
        _red.UnionWith(_server.Keys);
        ShowSummary(ex.Message);
        return true;
    }

    private void ShowSummary(string message = InvalidMessage)
    {
        // The key keeps it to one; a newer summary replaces the older.
        _snackbar?.RemoveByKey(InvalidKey);
        _snackbar?.Add(message, Severity.Warning, key: InvalidKey);
    }

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        var messages = (await validator.ValidateValue(model, property)).ToList();
        // A server message shows once; the next edit of the field validates afresh.
        if (_server.Remove(property, out var server)) messages.AddRange(server);
        if (messages.Count > 0) _red.Add(property);
        else if (_red.Remove(property) && _red.Count == 0) _snackbar?.RemoveByKey(InvalidKey);
        return messages;
    }
}

/// <summary>The summary message every form shares.</summary>
public static class FormValidation
{
    public const string InvalidMessage = "请按提示修改标红的项目";

    /// <summary>The summary's snackbar key: one at a time in the whole app.</summary>
    public const string InvalidKey = "form-invalid";
}

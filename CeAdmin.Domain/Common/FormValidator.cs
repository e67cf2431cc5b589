using System.Linq.Expressions;
using FluentValidation;

namespace CeAdmin.Domain.Common;

/// <summary>
/// Validator usable both by MudForm (per-field, via <see cref="ValidateValue"/>)
/// and by services before saving (via <see cref="EnsureValidAsync"/>), so rules live in one place.
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    protected FormValidator()
    {
        // Created once so MudForm does not see a new parameter value on every render.
        ValidateValue = ValidatePropertyAsync;
        // Every text field of every form refuses control and bidi-override characters, at the field.
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var model = Expression.Parameter(typeof(T), "x");
            var access = Expression.Lambda<Func<T, string?>>(Expression.Property(model, property), model);
            RuleFor(access).Must(TextSafety.IsClean).WithMessage(TextSafety.Message);
        }
    }

    /// <summary>Pass to MudForm's <c>Validation</c> parameter; validates only the named property.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue { get; }

    public async Task EnsureValidAsync(T model, CancellationToken ct = default)
    {
        var result = await ValidateAsync(model, ct).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.ToDictionary().AsReadOnly());
        }
    }

    private async Task<IEnumerable<string>> ValidatePropertyAsync(object model, string propertyName)
    {
        if (model is not T typed)
        {
            throw new ArgumentException($"Expected a {typeof(T).Name} model but got {model?.GetType().Name ?? "null"}.", nameof(model));
        }

        var context = ValidationContext<T>.CreateWithOptions(typed, o => o.IncludeProperties(propertyName));
        var result = await ValidateAsync(context).ConfigureAwait(false);
        return result.Errors.Select(e => e.ErrorMessage).ToArray();
    }
}

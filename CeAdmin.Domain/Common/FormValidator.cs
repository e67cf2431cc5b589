using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;

namespace CeAdmin.Domain.Common;

/// <summary>
/// Validator usable both by MudForm (per-field, via <see cref="ValidateValue"/>)
/// and by services before saving (via <see cref="EnsureValidAsync"/>), so rules live in one place.
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    private readonly Lock _textRulesGate = new();
    private volatile bool _textRulesAdded;

    protected FormValidator()
    {
        // Created once so MudForm does not see a new parameter value on every render.
        ValidateValue = ValidatePropertyAsync;
    }

    public override ValidationResult Validate(ValidationContext<T> context)
    {
        AddTextRules();
        return base.Validate(context);
    }

    public override Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default)
    {
        AddTextRules();
        return base.ValidateAsync(context, cancellation);
    }

    /// <summary>
    /// Every text field of every form refuses control and bidi characters (<see cref="TextSafety"/>),
    /// at the field. Added after the form's own rules (on first use: a base constructor runs before
    /// them), so a field's own message (e.g. the 姓名 rule's) comes first. Nested validators
    /// (RuleForEach … SetValidator) pass through here too.
    /// </summary>
    private void AddTextRules()
    {
        if (_textRulesAdded) return;
        lock (_textRulesGate)
        {
            if (_textRulesAdded) return;
            foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0))
            {
                var model = Expression.Parameter(typeof(T), "x");
                var access = Expression.Lambda<Func<T, string?>>(Expression.Property(model, property), model);
                RuleFor(access).Must(TextSafety.IsClean).WithMessage(TextSafety.Message);
            }
            _textRulesAdded = true;
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

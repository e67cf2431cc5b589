namespace CeAdmin.Domain.Common;

/// <summary>Thrown by services when input fails validation; UI maps Errors back to fields.</summary>
/// It is a DomainException, so a page that shows refusals shows this one too.
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()).AsReadOnly();
    }

    /// <summary>For business-rule failures found outside a validator, e.g. a duplicate login name.</summary>
    public ValidationFailedException(string propertyName, string message)
        : this(new Dictionary<string, string[]> { [propertyName] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    // One message per property keeps the toast short; Errors holds the full list.
    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors)
    {
        var firsts = errors.Values.Where(v => v.Length > 0).Select(v => v[0]).ToList();
        return firsts.Count == 0 ? "提交的数据未通过校验" : string.Join("；", firsts);
    }
}

namespace CeAdmin.Domain.Common;

/// <summary>A refused business operation; the message is Chinese and is shown to the user as-is.</summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The caller may not touch this data (outside its region, series or unit).</summary>
public sealed class ScopeException(string message = "无权访问该数据：不在本单位的管辖范围内") : DomainException(message);

/// <summary>Another operator changed the same record first.</summary>
public sealed class ConcurrencyException(string message = "该记录已被他人处理，请刷新后查看最新状态") : DomainException(message);

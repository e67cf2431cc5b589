using System.Globalization;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Attachments;

/// <summary>What an uploaded attachment must satisfy: not empty, not too large, an allowed type by content.</summary>
public sealed class AttachmentPolicy
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const string EmptyFileMessage = "不能上传空文件";

    private const double BytesPerKb = 1024;
    private const double BytesPerMb = 1024 * 1024;

    /// <summary>The shared default policy (10 MB).</summary>
    public static AttachmentPolicy Default { get; } = new();

    /// <summary>Largest accepted file, in bytes (at least 1). Defaults to 10 MB.</summary>
    public long MaxBytes
    {
        get => _maxBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxBytes = value;
        }
    }

    private readonly long _maxBytes = DefaultMaxBytes;

    /// <summary>
    /// Checks an upload and returns its detected type. <paramref name="fileName"/> is the name as
    /// uploaded; it is sanitised with <see cref="FileNameSanitizer"/> before its extension is compared.
    /// </summary>
    /// <exception cref="DomainException">The file is empty, too large, of a type not allowed, or its content does not match its extension.</exception>
    public DetectedFile Check(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (content.Length == 0)
        {
            throw new DomainException(EmptyFileMessage);
        }

        if (content.LongLength > MaxBytes)
        {
            throw new DomainException(TooLargeMessage(content.LongLength));
        }

        return FileInspector.Detect(content, FileNameSanitizer.Sanitize(fileName));
    }

    /// <summary>
    /// "附件大小不能超过10MB，当前文件为12.3MB" (sizes under 1 MB are shown in KB). A size just over
    /// the limit is rounded up, so the message never reads "不能超过10MB，当前文件为10.0MB".
    /// </summary>
    public string TooLargeMessage(long size)
    {
        var limitUnit = UnitOf(MaxBytes);
        var limit = Math.Round(MaxBytes / limitUnit.Bytes, 1, MidpointRounding.AwayFromZero);

        var sizeUnit = UnitOf(size);
        var current = Math.Round(size / sizeUnit.Bytes, 1, MidpointRounding.AwayFromZero);
        if (size > MaxBytes && current <= Math.Round(MaxBytes / sizeUnit.Bytes, 1, MidpointRounding.AwayFromZero))
        {
            current = Math.Ceiling(Math.Round(size * 10 / sizeUnit.Bytes, 6)) / 10;
        }

        return $"附件大小不能超过{limit.ToString("0.#", CultureInfo.InvariantCulture)}{limitUnit.Name}，" +
               $"当前文件为{current.ToString(sizeUnit.Format, CultureInfo.InvariantCulture)}{sizeUnit.Name}";
    }

    private static (double Bytes, string Name, string Format) UnitOf(long bytes) =>
        bytes >= BytesPerMb ? (BytesPerMb, "MB", "0.0") : (BytesPerKb, "KB", "0.#");
}

using System.IO.Compression;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Attachments;

/// <summary>
/// Identifies an uploaded file by its CONTENT (magic bytes, and for Office Open XML the zip's
/// entries), then checks that the file name's extension agrees with it. Only jpg, png, pdf, doc,
/// docx, xls and xlsx are accepted.
/// </summary>
public static class FileInspector
{
    public const string NotAllowedMessage = "只允许上传 jpg、png、pdf、doc、docx、xls、xlsx 格式的文件";
    public const string ExtensionMismatchMessage = "文件内容与扩展名不符";
    public const string MacroMessage = "不允许上传包含宏的 Office 文件";

    public static readonly DetectedFile Jpeg = new(".jpg", "image/jpeg", true);
    public static readonly DetectedFile Png = new(".png", "image/png", true);
    public static readonly DetectedFile Pdf = new(".pdf", "application/pdf", true);
    public static readonly DetectedFile Doc = new(".doc", "application/msword", false);
    public static readonly DetectedFile Xls = new(".xls", "application/vnd.ms-excel", false);
    public static readonly DetectedFile Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false);
    public static readonly DetectedFile Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false);

    /// <summary>The extensions (lower case, with the dot) a file name may carry; ".jpeg" is a synonym of ".jpg".</summary>
    public static IReadOnlyCollection<string> AllowedExtensions { get; } =
        [".jpg", ".jpeg", ".png", ".pdf", ".doc", ".docx", ".xls", ".xlsx"];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// Detects the type of <paramref name="content"/> and checks it against the extension of
    /// <paramref name="fileName"/> (compared case-insensitively; a path in the name is ignored).
    /// </summary>
    /// <exception cref="DomainException">
    /// The content is not one of the allowed types, or the name's extension is not an allowed one
    /// (<see cref="NotAllowedMessage"/>); the extension names another allowed type
    /// (<see cref="ExtensionMismatchMessage"/>); an Office Open XML file carries macros
    /// (<see cref="MacroMessage"/>).
    /// </exception>
    public static DetectedFile Detect(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);

        var extension = ExtensionOf(fileName);
        ReadOnlySpan<byte> head = content;

        DetectedFile detected;
        if (head.StartsWith(JpegMagic))
        {
            detected = Jpeg;
        }
        else if (head.StartsWith(PngMagic))
        {
            detected = Png;
        }
        else if (head.StartsWith(PdfMagic))
        {
            detected = Pdf;
        }
        else if (head.StartsWith(Ole2Magic))
        {
            // A compound file does not say cheaply whether it is Word or Excel: trust the extension,
            // as long as it names one of the two legacy formats.
            detected = extension switch
            {
                ".doc" => Doc,
                ".xls" => Xls,
                _ when AllowedExtensions.Contains(extension) => throw new DomainException(ExtensionMismatchMessage),
                _ => throw new DomainException(NotAllowedMessage),
            };
        }
        else if (head.StartsWith(ZipMagic))
        {
            detected = DetectOfficeOpenXml(content);
        }
        else
        {
            throw new DomainException(NotAllowedMessage);
        }

        if (!AllowedExtensions.Contains(extension))
        {
            throw new DomainException(NotAllowedMessage);
        }

        var normalized = extension == ".jpeg" ? ".jpg" : extension;
        if (normalized != detected.Extension)
        {
            throw new DomainException(ExtensionMismatchMessage);
        }

        return detected;
    }

    /// <summary>The extension of the last path segment, lower case with the dot, or "" when there is none.</summary>
    internal static string ExtensionOf(string fileName)
    {
        var name = fileName;
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        name = name.TrimEnd(' ', '.');
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[dot..].ToLowerInvariant();
    }

    private static DetectedFile DetectOfficeOpenXml(byte[] content)
    {
        bool hasContentTypes = false, hasWord = false, hasExcel = false, hasMacros = false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                // Only the central directory is read: nothing is decompressed, so a zip bomb costs nothing.
                var name = entry.FullName.Replace('\\', '/');
                if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                {
                    hasContentTypes = true;
                }
                else if (name.StartsWith("word/", StringComparison.OrdinalIgnoreCase))
                {
                    hasWord = true;
                }
                else if (name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase))
                {
                    hasExcel = true;
                }

                if (name.EndsWith("/vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                {
                    hasMacros = true;
                }
            }
        }
        catch (InvalidDataException)
        {
            // Starts like a zip but is not a readable one.
            throw new DomainException(NotAllowedMessage);
        }

        if (!hasContentTypes || hasWord == hasExcel)
        {
            // A plain zip, or something that claims to be both a document and a workbook.
            throw new DomainException(NotAllowedMessage);
        }

        if (hasMacros)
        {
            throw new DomainException(MacroMessage);
        }

        return hasWord ? Docx : Xlsx;
    }
}

namespace CeAdmin.Domain.Attachments;

/// <summary>
/// 附件材料: a file uploaded for a business record (an authority's profile, a qualification, a
/// training plan, a course catalogue...). Only metadata lives here; the bytes are in
/// <see cref="AttachmentContent"/> (table AttachmentContents), so listing attachments never loads them.
/// Stored in the database so SQLite and PostgreSQL deployments, and their backups, hold everything.
/// </summary>
public sealed class Attachment
{
    public const int OwnerTypeMaxLength = 40;
    public const int CategoryMaxLength = 50;
    public const int FileNameMaxLength = FileNameSanitizer.MaxLength;
    public const int FileTypeMaxLength = 10;
    public const int ContentTypeMaxLength = 100;
    public const int UploaderNameMaxLength = 100;

    // For EF Core.
    private Attachment()
    {
    }

    public int Id { get; private set; }

    /// <summary>The kind of record the file belongs to: "Authority", "Qualification", "TrainingPlan", "CourseCatalog"...</summary>
    public string OwnerType { get; private set; } = "";

    public int OwnerId { get; private set; }

    /// <summary>The material's name in the owner's checklist, e.g. "统一社会信用代码证"; "" when uncategorised.</summary>
    public string Category { get; private set; } = "";

    /// <summary>The sanitised original name (<see cref="FileNameSanitizer"/>), used for display and download.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The extension of the type detected from the content, with the dot: ".jpg", ".pdf", ".docx"...</summary>
    public string FileType { get; private set; } = "";

    /// <summary>The MIME type of the detected type.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Size { get; private set; }

    /// <summary>Size in KB, rounded up (a 1-byte file is 1 KB).</summary>
    public int SizeKb => (int)((Size + 1023) / 1024);

    /// <summary>Images and PDF can be shown inline in the browser; Word and Excel files are downloaded.</summary>
    public bool CanPreview => FileType is ".jpg" or ".png" or ".pdf";

    /// <summary>When the file was uploaded (UTC).</summary>
    public DateTime UploadedAt { get; private set; }

    /// <summary>经办人: the name of the person who uploaded the file.</summary>
    public string UploaderName { get; private set; } = "";

    public int UploaderUnitId { get; private set; }

    /// <summary>The bytes; loaded only when asked for (Include or a separate query on AttachmentContents).</summary>
    public AttachmentContent? Content { get; private set; }

    /// <summary>
    /// Checks an upload with <paramref name="policy"/> (the 10 MB default when null) and builds the
    /// attachment with its content. The file name is sanitised; the stored type comes from the content.
    /// </summary>
    /// <exception cref="Common.DomainException">The file is empty, too large, not an allowed type, or its content does not match its name.</exception>
    /// <exception cref="ArgumentException">An owner type, category or uploader name that is empty or too long (a programming error, not a user one).</exception>
    public static Attachment Create(
        string ownerType,
        int ownerId,
        string category,
        string fileName,
        byte[] content,
        string uploaderName,
        int uploaderUnitId,
        DateTime uploadedAt,
        AttachmentPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckOwnerType(ownerType);
        CheckCategory(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(uploaderName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(uploaderName.Trim().Length, UploaderNameMaxLength, nameof(uploaderName));

        var detected = (policy ?? AttachmentPolicy.Default).Check(fileName, content);

        return new Attachment
        {
            OwnerType = ownerType,
            OwnerId = ownerId,
            Category = category.Trim(),
            FileName = FileNameSanitizer.Sanitize(fileName),
            FileType = detected.Extension,
            ContentType = detected.ContentType,
            Size = content.LongLength,
            UploadedAt = uploadedAt.Kind switch
            {
                DateTimeKind.Utc => uploadedAt,
                DateTimeKind.Local => uploadedAt.ToUniversalTime(),
                _ => DateTime.SpecifyKind(uploadedAt, DateTimeKind.Utc),
            },
            UploaderName = uploaderName.Trim(),
            UploaderUnitId = uploaderUnitId,
            Content = new AttachmentContent(content),
        };
    }

    /// <summary>
    /// Points the attachment at another record, e.g. files uploaded while a new record was being
    /// filled in, attached once the record has been saved and has its id.
    /// </summary>
    public void AssignOwner(string ownerType, int ownerId)
    {
        CheckOwnerType(ownerType);
        OwnerType = ownerType;
        OwnerId = ownerId;
    }

    /// <summary>Files the attachment under another material category ("" for none).</summary>
    public void ChangeCategory(string category)
    {
        CheckCategory(category);
        Category = category.Trim();
    }

    private static void CheckOwnerType(string ownerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ownerType.Length, OwnerTypeMaxLength, nameof(ownerType));
    }

    private static void CheckCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(category.Trim().Length, CategoryMaxLength, nameof(category));
    }
}

/// <summary>The bytes of an <see cref="Attachment"/> (table AttachmentContents, one row per attachment).</summary>
public sealed class AttachmentContent
{
    // For EF Core.
    private AttachmentContent()
    {
    }

    internal AttachmentContent(byte[] data)
    {
        Data = data;
    }

    /// <summary>Primary key, and foreign key to <see cref="Attachment.Id"/>.</summary>
    public int AttachmentId { get; private set; }

    public byte[] Data { get; private set; } = [];
}

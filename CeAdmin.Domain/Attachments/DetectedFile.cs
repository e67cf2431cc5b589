namespace CeAdmin.Domain.Attachments;

/// <summary>
/// What <see cref="FileInspector"/> found in an uploaded file's content.
/// </summary>
/// <param name="Extension">The canonical extension of the detected type, lower case with the dot (".jpg", ".docx").</param>
/// <param name="ContentType">The MIME type to serve the file with.</param>
/// <param name="CanPreview">True for images and PDF, which a browser shows inline.</param>
public sealed record DetectedFile(string Extension, string ContentType, bool CanPreview);

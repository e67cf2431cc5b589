using System.Text;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;

namespace CeAdmin.Tests.Attachments;

public sealed class FileInspectorTests
{
    private const string NotAllowed = "只允许上传 jpg、png、pdf、doc、docx、xls、xlsx 格式的文件";
    private const string Mismatch = "文件内容与扩展名不符";

    /// <summary>An OLE2 compound-file header sector (what .doc and .xls files start with).</summary>
    internal static byte[] Ole2()
    {
        var header = new byte[512];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(header, 0);
        header[0x18] = 0x3E; // minor version
        header[0x1A] = 0x03; // major version 3
        header[0x1C] = 0xFE; // byte order mark FFFE
        header[0x1D] = 0xFF;
        header[0x1E] = 0x09; // 512-byte sectors
        header[0x20] = 0x06; // 64-byte mini sectors
        return header;
    }

    internal static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    [Theory]
    [InlineData("photo.jpg", ".jpg", "image/jpeg", true)]
    [InlineData("PHOTO.JPEG", ".jpg", "image/jpeg", true)]
    [InlineData("证件照.png", ".png", "image/png", true)]
    [InlineData("营业执照.pdf", ".pdf", "application/pdf", true)]
    [InlineData("申请表.docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)]
    [InlineData("人员名单.xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)]
    [InlineData("申请表.doc", ".doc", "application/msword", false)]
    [InlineData("人员名单.XLS", ".xls", "application/vnd.ms-excel", false)]
    public void Accepts_allowed_types_whose_content_matches_the_name(string fileName, string extension, string contentType, bool canPreview)
    {
        var content = ContentFor(extension);

        var detected = FileInspector.Detect(content, fileName);

        Assert.Equal(new DetectedFile(extension, contentType, canPreview), detected);
    }

    [Fact]
    public void A_path_in_the_name_does_not_matter()
    {
        Assert.Equal(".pdf", FileInspector.Detect(SampleFiles.Pdf(), @"C:\Users\张三\Desktop\报告.pdf").Extension);
        Assert.Equal(".png", FileInspector.Detect(SampleFiles.Png(), "/home/user/a.png").Extension);
    }

    [Theory]
    [InlineData("image.pdf", ".png")]
    [InlineData("scan.png", ".jpg")]
    [InlineData("scan.jpg", ".pdf")]
    [InlineData("申请表.xlsx", ".docx")]
    [InlineData("人员名单.docx", ".xlsx")]
    [InlineData("申请表.doc", ".docx")]
    [InlineData("申请表.docx", ".doc")]
    [InlineData("人员名单.pdf", ".xls")]
    public void Rejects_content_that_does_not_match_the_extension(string fileName, string actualType)
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(ContentFor(actualType), fileName));
        Assert.Equal(Mismatch, ex.Message);
    }

    [Fact]
    public void Rejects_a_text_file_renamed_to_pdf()
    {
        var text = Encoding.UTF8.GetBytes("这不是PDF文件，只是一段文字。");

        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(text, "报告.pdf"));

        Assert.Equal(NotAllowed, ex.Message);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("报告.pdf")]
    [InlineData("photo.jpg")]
    public void Rejects_an_executable_whatever_its_name(string fileName)
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(Exe(), fileName));
        Assert.Equal(NotAllowed, ex.Message);
    }

    [Theory]
    [InlineData("材料.zip")]
    [InlineData("材料.docx")]
    [InlineData("材料.xlsx")]
    public void Rejects_a_plain_zip(string fileName)
    {
        var zip = SampleFiles.Zip(("readme.txt", "hello"), ("docs/a.txt", "world"));

        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(zip, fileName));

        Assert.Equal(NotAllowed, ex.Message);
    }

    [Fact]
    public void Rejects_a_zip_with_word_entries_but_no_content_types()
    {
        var zip = SampleFiles.Zip(("word/document.xml", "<w:document/>"));

        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(zip, "申请表.docx"));

        Assert.Equal(NotAllowed, ex.Message);
    }

    [Fact]
    public void Rejects_a_truncated_zip()
    {
        var docx = SampleFiles.Docx();
        var truncated = docx[..(docx.Length / 2)];

        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(truncated, "申请表.docx"));

        Assert.Equal(NotAllowed, ex.Message);
    }

    [Fact]
    public void Rejects_office_files_with_macros()
    {
        var docm = SampleFiles.Zip(
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
            ("word/vbaProject.bin", "macro"));

        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(docm, "申请表.docx"));

        Assert.Equal("不允许上传包含宏的 Office 文件", ex.Message);
    }

    [Theory]
    [InlineData("说明.txt")]
    [InlineData("photo.gif")]
    [InlineData("无扩展名")]
    [InlineData("setup.exe")]
    public void Rejects_allowed_content_under_a_name_of_another_type(string fileName)
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(SampleFiles.Png(), fileName));
        Assert.Equal(NotAllowed, ex.Message);
    }

    [Fact]
    public void Ole2_content_needs_a_doc_or_xls_name()
    {
        Assert.Equal(NotAllowed, Assert.Throws<DomainException>(() => FileInspector.Detect(Ole2(), "演示.ppt")).Message);
        Assert.Equal(NotAllowed, Assert.Throws<DomainException>(() => FileInspector.Detect(Ole2(), "安装包.msi")).Message);
        Assert.Equal(Mismatch, Assert.Throws<DomainException>(() => FileInspector.Detect(Ole2(), "扫描件.pdf")).Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 })]
    public void Rejects_content_too_short_to_identify(byte[] content)
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Detect(content, "a.png"));
        Assert.Equal(NotAllowed, ex.Message);
    }

    internal static byte[] ContentFor(string extension) => extension switch
    {
        ".jpg" => SampleFiles.Jpeg(),
        ".png" => SampleFiles.Png(),
        ".pdf" => SampleFiles.Pdf(),
        ".docx" => SampleFiles.Docx(),
        ".xlsx" => SampleFiles.Xlsx(),
        ".doc" or ".xls" => Ole2(),
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, null),
    };
}

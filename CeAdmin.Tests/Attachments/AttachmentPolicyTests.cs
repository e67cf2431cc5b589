using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;

namespace CeAdmin.Tests.Attachments;

public sealed class AttachmentPolicyTests
{
    private const int Mb = 1024 * 1024;

    [Fact]
    public void Default_limit_is_10_MB()
    {
        Assert.Equal(10L * Mb, new AttachmentPolicy().MaxBytes);
        Assert.Equal(10L * Mb, AttachmentPolicy.Default.MaxBytes);
    }

    [Fact]
    public void Accepts_a_valid_file_and_returns_its_type()
    {
        var detected = new AttachmentPolicy().Check("营业执照.pdf", SampleFiles.Pdf());

        Assert.Equal(new DetectedFile(".pdf", "application/pdf", true), detected);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var ex = Assert.Throws<DomainException>(() => new AttachmentPolicy().Check("营业执照.pdf", []));

        Assert.Equal("不能上传空文件", ex.Message);
    }

    [Fact]
    public void Rejects_a_file_over_the_limit_with_its_size_in_MB()
    {
        var content = PdfOfSize((long)(12.3 * Mb));

        var ex = Assert.Throws<DomainException>(() => new AttachmentPolicy().Check("营业执照.pdf", content));

        Assert.Equal("附件大小不能超过10MB，当前文件为12.3MB", ex.Message);
    }

    [Fact]
    public void Accepts_a_file_of_exactly_the_limit()
    {
        var content = PdfOfSize(10L * Mb);

        Assert.Equal(".pdf", new AttachmentPolicy().Check("营业执照.pdf", content).Extension);
    }

    [Fact]
    public void A_file_just_over_the_limit_never_reads_as_10_MB()
    {
        var content = PdfOfSize(10L * Mb + 1);

        var ex = Assert.Throws<DomainException>(() => new AttachmentPolicy().Check("营业执照.pdf", content));

        Assert.Equal("附件大小不能超过10MB，当前文件为10.1MB", ex.Message);
    }

    [Fact]
    public void The_limit_can_be_changed()
    {
        var policy = new AttachmentPolicy { MaxBytes = 2 * Mb };

        var ex = Assert.Throws<DomainException>(() => policy.Check("证件照.png", PngOfSize(3 * Mb)));

        Assert.Equal("附件大小不能超过2MB，当前文件为3.0MB", ex.Message);
        Assert.Equal(".png", policy.Check("证件照.png", SampleFiles.Png()).Extension);
    }

    [Theory]
    [InlineData(512 * 1024, 600 * 1024, "附件大小不能超过512KB，当前文件为600KB")]
    [InlineData(512 * 1024, 512 * 1024 + 1, "附件大小不能超过512KB，当前文件为512.1KB")]
    [InlineData(512 * 1024, 3 * Mb, "附件大小不能超过512KB，当前文件为3.0MB")]
    [InlineData(10 * Mb, 12 * Mb + 320 * 1024, "附件大小不能超过10MB，当前文件为12.3MB")]
    [InlineData(10 * Mb, 10 * Mb + 60 * 1024, "附件大小不能超过10MB，当前文件为10.1MB")]
    [InlineData(5 * Mb / 2, 3 * Mb, "附件大小不能超过2.5MB，当前文件为3.0MB")]
    public void Too_large_message_picks_a_readable_unit(long maxBytes, long size, string expected)
    {
        Assert.Equal(expected, new AttachmentPolicy { MaxBytes = maxBytes }.TooLargeMessage(size));
    }

    [Fact]
    public void The_size_is_checked_before_the_type()
    {
        var tooLargeText = new byte[11 * Mb];

        var ex = Assert.Throws<DomainException>(() => new AttachmentPolicy().Check("说明.txt", tooLargeText));

        Assert.Equal("附件大小不能超过10MB，当前文件为11.0MB", ex.Message);
    }

    [Fact]
    public void The_type_is_checked_against_the_sanitised_name()
    {
        // Trailing dots and spaces are not part of the extension (Windows drops them too).
        Assert.Equal(".pdf", new AttachmentPolicy().Check("..\\..\\营业执照.pdf. ", SampleFiles.Pdf()).Extension);

        var ex = Assert.Throws<DomainException>(() => new AttachmentPolicy().Check("营业执照.pdf", SampleFiles.Docx()));
        Assert.Equal("文件内容与扩展名不符", ex.Message);
    }

    private static byte[] PdfOfSize(long size)
    {
        var pdf = SampleFiles.Pdf();
        var content = new byte[size];
        pdf.CopyTo(content, 0);
        return content;
    }

    private static byte[] PngOfSize(long size)
    {
        var png = SampleFiles.Png();
        var content = new byte[size];
        png.CopyTo(content, 0);
        return content;
    }
}

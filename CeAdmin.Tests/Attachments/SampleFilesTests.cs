using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CeAdmin.Domain.Attachments;

namespace CeAdmin.Tests.Attachments;

public sealed class SampleFilesTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, SampleFiles.Crc32("123456789"u8));
    }

    [Fact]
    public void Png_is_well_formed()
    {
        var png = SampleFiles.Png();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);

        var chunks = new List<string>();
        var idat = new MemoryStream();
        var position = 8;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var typeAndData = png.AsSpan(position + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(SampleFiles.Crc32(typeAndData), crc);

            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            chunks.Add(type);
            if (type == "IHDR")
            {
                Assert.Equal(SampleFiles.ImageWidth, BinaryPrimitives.ReadInt32BigEndian(typeAndData[4..]));
                Assert.Equal(SampleFiles.ImageHeight, BinaryPrimitives.ReadInt32BigEndian(typeAndData[8..]));
            }
            else if (type == "IDAT")
            {
                idat.Write(typeAndData[4..]);
            }
            else if (type == "IEND")
            {
                Assert.Equal(0xAE426082u, crc); // the fixed CRC of an empty IEND chunk
            }

            position += 12 + length;
        }

        Assert.Equal(png.Length, position);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks);

        idat.Position = 0;
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(pixels);
        }

        Assert.Equal(SampleFiles.ImageHeight * (1 + SampleFiles.ImageWidth * 3), pixels.Length);
    }

    [Fact]
    public void Jpeg_has_the_markers_a_decoder_needs()
    {
        var jpeg = SampleFiles.Jpeg();

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, jpeg[..4]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, jpeg[^2..]);

        var markers = new List<byte>();
        var position = 2;
        while (jpeg[position] == 0xFF && jpeg[position + 1] != 0xDA)
        {
            markers.Add(jpeg[position + 1]);
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        Assert.Equal(new byte[] { 0xE0, 0xDB, 0xC0, 0xC4, 0xC4 }, markers);
    }

    [Fact]
    public void Pdf_cross_reference_table_points_at_its_objects()
    {
        var pdf = SampleFiles.Pdf();
        var text = Encoding.ASCII.GetString(pdf);

        Assert.StartsWith("%PDF-1.4\n", text);
        Assert.EndsWith("%%EOF\n", text);

        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0]);
        Assert.Equal("xref", text.Substring(startxref, 4));

        var lines = text[startxref..].Split('\n');
        Assert.Equal("0 6", lines[1]);
        for (var i = 1; i <= 5; i++)
        {
            var entry = lines[1 + 1 + i];
            Assert.Equal(19, entry.Length); // 20 bytes with its newline, as the PDF format requires
            var offset = int.Parse(entry[..10]);
            Assert.StartsWith($"{i} 0 obj\n", text[offset..]);
        }

        var stream = text.IndexOf("stream\n", StringComparison.Ordinal) + 7;
        var length = int.Parse(text.Split("/Length ")[1].Split(' ')[0]);
        Assert.Equal("\nendstream", text.Substring(stream + length, 10));
    }

    [Fact]
    public void Docx_is_a_word_package()
    {
        using var zip = new ZipArchive(new MemoryStream(SampleFiles.Docx()));

        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "word/document.xml"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        Assert.Contains(SampleFiles.ChineseText, reader.ReadToEnd());
    }

    [Fact]
    public void Xlsx_is_an_excel_package()
    {
        using var zip = new ZipArchive(new MemoryStream(SampleFiles.Xlsx()));

        Assert.Contains("xl/workbook.xml", zip.Entries.Select(e => e.FullName));
        Assert.Contains("xl/worksheets/sheet1.xml", zip.Entries.Select(e => e.FullName));
        Assert.Contains("xl/_rels/workbook.xml.rels", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Samples_are_reproducible_and_independent_copies()
    {
        var first = SampleFiles.Docx();
        var second = SampleFiles.Docx();

        Assert.Equal(first, second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Every_sample_passes_the_default_policy()
    {
        var policy = new AttachmentPolicy();

        Assert.Equal(".png", policy.Check("a.png", SampleFiles.Png()).Extension);
        Assert.Equal(".jpg", policy.Check("a.jpg", SampleFiles.Jpeg()).Extension);
        Assert.Equal(".pdf", policy.Check("a.pdf", SampleFiles.Pdf()).Extension);
        Assert.Equal(".docx", policy.Check("a.docx", SampleFiles.Docx()).Extension);
        Assert.Equal(".xlsx", policy.Check("a.xlsx", SampleFiles.Xlsx()).Extension);
    }
}

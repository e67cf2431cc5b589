using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CeAdmin.Tests.Attachments;

/// <summary>
/// Small, valid files of every accepted attachment type, built in code so tests (unit, bUnit and
/// browser tests that upload a file) need no binary fixtures. Each call returns a new array.
/// </summary>
public static class SampleFiles
{
    public const int ImageWidth = 16;
    public const int ImageHeight = 16;

    /// <summary>The text shown by the PDF, the Word document and the workbook.</summary>
    public const string Text = "CeAdmin sample attachment";

    /// <summary>The Chinese text in the Word document and the workbook.</summary>
    public const string ChineseText = "继续教育附件材料";

    private static readonly DateTimeOffset ZipEntryTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 16x16 solid blue (#1E88E5) 8-bit RGB PNG, with correct CRCs and zlib data.</summary>
    public static byte[] Png()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), ImageWidth);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), ImageHeight);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method
        header[12] = 0; // no interlace
        WritePngChunk(output, "IHDR", header);

        var raw = new byte[ImageHeight * (1 + ImageWidth * 3)];
        for (var y = 0; y < ImageHeight; y++)
        {
            var row = y * (1 + ImageWidth * 3);
            raw[row] = 0; // filter type: none
            for (var x = 0; x < ImageWidth; x++)
            {
                raw[row + 1 + x * 3] = 0x1E;
                raw[row + 2 + x * 3] = 0x88;
                raw[row + 3 + x * 3] = 0xE5;
            }
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WritePngChunk(output, "IDAT", compressed.ToArray());
        }

        WritePngChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A 16x16 mid-grey baseline JPEG (JFIF, one component, every block a zero DC difference and
    /// an end-of-block), the smallest well-formed JPEG image decoders accept.
    /// </summary>
    public static byte[] Jpeg()
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]); // SOI

        // APP0 JFIF 1.01, no density units, 1:1 aspect, no thumbnail.
        output.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

        // DQT: table 0, 8-bit precision, all ones.
        output.Write([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        output.Write(Enumerable.Repeat((byte)1, 64).ToArray());

        // SOF0: 8-bit, height, width, one component (id 1, 1x1 sampling, quantisation table 0).
        output.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, ImageHeight, 0x00, ImageWidth, 0x01, 0x01, 0x11, 0x00]);

        // DHT: DC table 0 and AC table 0, each with a single 1-bit code "0" for symbol 0x00
        // (DC: difference category 0; AC: end of block).
        var singleCode = new byte[16];
        singleCode[0] = 1;
        output.Write([0xFF, 0xC4, 0x00, 0x14, 0x00]);
        output.Write(singleCode);
        output.WriteByte(0x00);
        output.Write([0xFF, 0xC4, 0x00, 0x14, 0x10]);
        output.Write(singleCode);
        output.WriteByte(0x00);

        // SOS: one component using tables 0/0, spectral selection 0..63, no approximation.
        output.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);

        // Four 8x8 blocks, two bits each ("0" DC, "0" EOB): eight zero bits.
        var blocks = ImageWidth / 8 * (ImageHeight / 8);
        var bits = blocks * 2;
        var bytes = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            bytes[^1] = (byte)((1 << (8 - bits % 8)) - 1); // pad the last byte with 1-bits
        }

        output.Write(bytes);
        output.Write([0xFF, 0xD9]); // EOI
        return output.ToArray();
    }

    /// <summary>A one-page PDF 1.4 (300x150 pt) showing <see cref="Text"/> in Helvetica, with a correct cross-reference table.</summary>
    public static byte[] Pdf()
    {
        var stream = $"BT /F1 18 Tf 30 70 Td ({Text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 150] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];

        var pdf = new StringBuilder();
        pdf.Append("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length); // ASCII only, so characters are bytes
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n");
        pdf.Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A minimal Word document (one paragraph) that Word, WPS and LibreOffice open.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{Text}</w:t></w:r></w:p><w:p><w:r><w:t>{ChineseText}</w:t></w:r></w:p></w:body></w:document>"""));

    /// <summary>A minimal workbook (one sheet "Sheet1" with A1 and A2 as inline strings) that Excel, WPS and LibreOffice open.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
        ("xl/worksheets/sheet1.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{Text}</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>{ChineseText}</t></is></c></row></sheetData></worksheet>"""));

    /// <summary>A zip archive of UTF-8 text entries, with fixed timestamps so the bytes are reproducible.</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = ZipEntryTime;
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    /// <summary>The CRC-32 (ISO-HDLC, as used by PNG and zip) of <paramref name="data"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static void WritePngChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);

        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        output.Write(typeAndData);

        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        output.Write(number);
    }
}

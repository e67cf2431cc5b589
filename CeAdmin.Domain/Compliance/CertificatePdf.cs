using System.Buffers.Binary;
using CeAdmin.Domain.Common;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace CeAdmin.Domain.Compliance;

/// <summary>
/// Where the 学时证明's CJK font is read from ("Certificates" settings). Default: Debian's fonts-noto-cjk
/// collection, face 2 (Noto Sans CJK SC). A .ttc collection or a single .otf/.ttf file both work.
/// </summary>
public sealed class CertificateOptions
{
    public string FontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// <summary>The face inside a .ttc collection (`fc-list -f '%{index} %{family[0]}\n' FILE` lists them).</summary>
    public int FontIndex { get; set; } = 2;
}

/// <summary>Draws the 学时证明 with PDFsharp: A4, the embedded CJK font, the records table and the verification QR code.</summary>
public sealed class CertificatePdf
{
    private const string Family = "CeAdminCjk";
    private static readonly Lock FontLock = new();
    private static CjkFontResolver? _resolver;

    public CertificatePdf(Microsoft.Extensions.Options.IOptions<CertificateOptions> configured)
    {
        var options = configured.Value;
        lock (FontLock)
        {
            // PDFsharp's resolver is process-wide and can be set once; the first options win (all hosts share the setting).
            if (_resolver is null)
            {
                _resolver = new CjkFontResolver(options);
                GlobalFontSettings.FontResolver = _resolver;
            }
        }
    }

    public byte[] Render(Certificate c, IReadOnlyList<ComplianceRecordRow> records, string verifyUrl)
    {
        var document = new PdfDocument();
        document.Info.Title = $"学时证明 {c.PersonName} {c.Year}年度";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(Family, 22);
            var body = new XFont(Family, 11);
            var small = new XFont(Family, 9);
            var width = page.Width.Point;
            g.DrawString("继续教育学时证明", title, XBrushes.Black, new XRect(0, 50, width, 30), XStringFormats.TopCenter);
            var y = 110.0;
            void Line(string text, XFont? font = null)
            {
                g.DrawString(text, font ?? body, XBrushes.Black, new XPoint(60, y));
                y += 20;
            }
            Line($"姓名：{c.PersonName}        公民身份号码：{c.MaskedIdNumber}");
            Line($"申报年度：{c.Year}年度        年度应修学时：{c.Required}");
            Line($"公需科目 {c.PublicHours:0.#} 学时；专业科目 {c.ProfessionalHours:0.#} 学时；选修科目 {c.ElectiveHours:0.#} 学时；合计 {c.TotalHours:0.#} 学时");
            Line($"达标状态：{ComplianceLabels.Of(c.Met)}{(c.Missing.Length > 0 ? "（" + c.Missing + "）" : "")}");
            y += 10;
            string[] headers = ["序号", "课程名称", "科目类型", "学习时间", "学时", "考核结果"];
            double[] columns = [60, 95, 290, 360, 470, 510];
            for (var i = 0; i < headers.Length; i++) g.DrawString(headers[i], small, XBrushes.Black, new XPoint(columns[i], y));
            g.DrawLine(XPens.Gray, 60, y + 5, width - 50, y + 5);
            y += 18;
            var n = 0;
            foreach (var r in records)
            {
                if (y > 640) { g.DrawString($"……另有 {records.Count - n} 条记录", small, XBrushes.Black, new XPoint(60, y)); y += 16; break; }
                n++;
                string[] cells = [n.ToString(), Clip(r.CourseName, 14), r.SubjectType, $"{r.StartDate:yyyy-MM-dd}至{r.EndDate:yyyy-MM-dd}", r.Hours.ToString("0.#"), r.Result];
                for (var i = 0; i < cells.Length; i++) g.DrawString(cells[i], small, XBrushes.Black, new XPoint(columns[i], y));
                y += 16;
            }
            y = Math.Max(y + 20, 660);
            g.DrawString($"出具单位：{c.IssuerName}", body, XBrushes.Black, new XPoint(60, y));
            g.DrawString($"出具日期：{ChinaTime.ToLocal(c.IssuedAt):yyyy年M月d日}", body, XBrushes.Black, new XPoint(60, y + 20));
            g.DrawString("扫描右侧二维码核验本证明的真实性与有效性", small, XBrushes.Black, new XPoint(60, y + 44));
            DrawQr(g, verifyUrl, width - 170, y - 20, 110);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The verification link as a QR code PNG (also shown on the page after issuing).</summary>
    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>The QR code as vector squares (PDFsharp's core build does not read every PNG; squares also print sharp).</summary>
    private static void DrawQr(XGraphics g, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Count; col++)
            {
                if (matrix[row][col]) g.DrawRectangle(XBrushes.Black, x + col * module, y + row * module, module + 0.05, module + 0.05);
            }
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private sealed class CjkFontResolver(CertificateOptions options) : IFontResolver
    {
        private byte[]? _font;

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family);

        public byte[]? GetFont(string faceName) => _font ??= Extract(File.ReadAllBytes(options.FontPath), options.FontIndex);

        /// <summary>
        /// PDFsharp reads single-face font files only: a face of a TrueType/OpenType collection (.ttc) is copied
        /// out into a font file of its own (its table directory, offsets rebased, tables 4-byte aligned).
        /// </summary>
        internal static byte[] Extract(byte[] file, int index)
        {
            if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) return file; // not 'ttcf'
            var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
            if (index < 0 || index >= count) throw new InvalidOperationException($"字体文件只有 {count} 个字形集合，FontIndex={index} 无效");
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * index));
            var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
            var header = file.AsSpan(offset, 12 + 16 * tables).ToArray();
            using var data = new MemoryStream();
            for (var t = 0; t < tables; t++)
            {
                var record = 12 + 16 * t;
                var tableOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(record + 8));
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(record + 12));
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(record + 8), (uint)(header.Length + data.Length));
                data.Write(file, tableOffset, length);
                while (data.Length % 4 != 0) data.WriteByte(0);
            }
            return [.. header, .. data.ToArray()];
        }
    }
}

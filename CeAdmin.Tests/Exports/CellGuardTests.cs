using CeAdmin.Domain.Exports;

namespace CeAdmin.Tests.Exports;

public class CellGuardTests
{
    [Theory]
    [InlineData("=1+1", "=1+1", true)]
    [InlineData("+86 13800138000", "+86 13800138000", true)]
    [InlineData("-5", "-5", true)]
    [InlineData("@SUM(A1)", "@SUM(A1)", true)]
    [InlineData("\t=cmd", "\t=cmd", true)]
    [InlineData("\r=cmd", "\r=cmd", true)]
    [InlineData("\u0001=cmd", "=cmd", true)]
    [InlineData("'=1", "'=1", false)]
    [InlineData("张三", "张三", false)]
    [InlineData("a=b", "a=b", false)]
    [InlineData("", "", false)]
    public void Text_stays_as_entered_and_formula_like_text_is_marked_for_the_quote_prefix(string input, string expected, bool quotePrefix)
    {
        var safe = CellGuard.Safe(input);
        Assert.Equal(expected, safe);
        Assert.Equal(quotePrefix, CellGuard.NeedsQuotePrefix(safe));
    }

    [Fact]
    public void Typed_values_stay_typed()
    {
        var now = new DateTime(2026, 11, 29, 15, 30, 0);
        Assert.Equal(-5, CellGuard.Safe(-5));
        Assert.Equal(12.5m, CellGuard.Safe(12.5m));
        Assert.Equal(0.25, CellGuard.Safe(0.25));
        Assert.Equal(true, CellGuard.Safe(true));
        Assert.Equal(now, CellGuard.Safe(now));
        Assert.Equal("2026-11-29", CellGuard.Safe(new DateOnly(2026, 11, 29)));
        Assert.Null(CellGuard.Safe(null));
        Assert.Null(CellGuard.Safe(DBNull.Value));
        Assert.Null(CellGuard.Safe(double.NaN));
    }

    [Fact]
    public void Text_is_cut_to_the_excel_cell_limit_and_keeps_surrogate_pairs()
    {
        var safe = Assert.IsType<string>(CellGuard.Safe(new string('中', 40_000)));
        Assert.Equal(CellGuard.MaxCellTextLength, safe.Length);
        Assert.Equal("𠀀好", CellGuard.Safe("𠀀\uD800好"));
    }
}

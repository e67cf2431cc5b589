using CeAdmin.Demo;
using CeAdmin.Domain.Records;

namespace CeAdmin.Tests.Records;

/// <summary>批量粘贴 of a 结业名单: which cell is which.</summary>
public sealed class RosterPasteTests
{
    [Fact]
    public void Lines_give_name_id_work_unit_region_and_result_in_any_order_and_a_missing_region_stays_empty()
    {
        var male = DemoIds.IdNumber("440106", new DateOnly(1988, 4, 9), 131);
        var female = DemoIds.IdNumber("440104", new DateOnly(1991, 12, 1), 242);
        var entries = RosterPaste.Parse($"林志明\t男\t{male}\t华南师范大学\t广州市天河区\t合格\n\n{female}，黄晓丽，广州城市职业学院，440104，不合格\n陈建国 {male}");

        Assert.Equal(3, entries.Count);
        Assert.Equal(("林志明", "男", male, "华南师范大学", "440106", "合格"),
            (entries[0].Name, entries[0].Gender, entries[0].IdNumber, entries[0].WorkUnit, entries[0].RegionCode, entries[0].Result));
        Assert.Equal(("黄晓丽", "女", "广州城市职业学院", "440104", "不合格"),
            (entries[1].Name, entries[1].Gender, entries[1].WorkUnit, entries[1].RegionCode, entries[1].Result));
        Assert.Equal(("陈建国", null, null, "合格"), (entries[2].Name, entries[2].WorkUnit, entries[2].RegionCode, entries[2].Result));
    }
}

namespace CeAdmin.Demo;

/// <summary>Believable Chinese personal names for demo and benchmark data (surnames common in Guangdong).</summary>
public static class DemoNames
{
    private static readonly string[] Surnames = ["陈", "李", "黄", "张", "梁", "林", "刘", "吴", "罗", "何", "郑", "谢", "冯", "邓", "曾", "彭", "蔡", "许", "赖", "叶"];
    private static readonly string[] Given = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "辉", "婷", "鹏", "华", "慧", "建", "志", "文"];

    /// <summary>A surname and one or (two times in three) two given-name characters.</summary>
    public static string Next(Random random) =>
        Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(3) == 0 ? "" : Given[random.Next(Given.Length)]);
}

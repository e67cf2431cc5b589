namespace CeAdmin.Domain.Common;

public enum Gender
{
    Male,
    Female,
}

public static class GenderExtensions
{
    public static string ToLabel(this Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };
}

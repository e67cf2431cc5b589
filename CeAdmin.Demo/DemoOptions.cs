namespace CeAdmin.Demo;

/// <summary>The "Demo" configuration section.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed demo units and accounts into an empty database.</summary>
    public bool Enabled { get; set; } = true;
    public string Password { get; set; } = "Gdce2468a";
}

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// A browser test class: chromium against the app server of its fixture (one per class), in the "Browser"
/// collection, so that classes run one after another. A class that mostly waits for the server's clock
/// names the "Browser waits" collection instead.
/// </summary>
[Trait("Category", "Browser")]
[Collection("Browser")]
public abstract class BrowserTest<TFixture> : IClassFixture<TFixture>
    where TFixture : BrowserFixture;

/// <inheritdoc />
public abstract class BrowserTest : BrowserTest<BrowserFixture>;

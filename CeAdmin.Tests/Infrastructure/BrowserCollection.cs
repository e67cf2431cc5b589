namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// Browser test classes run one after another (each still has its own app and browser): a 2-core CI
/// machine running several Kestrel servers and Chromiums at once makes timings flaky.
/// </summary>
[CollectionDefinition("Browser")]
public sealed class BrowserCollection;

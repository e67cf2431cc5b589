namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// Browser test classes run one after another (each has its own app server; the chromium is shared): a 2-core CI
/// machine running several Kestrel servers and Chromiums at once makes timings flaky.
/// </summary>
[CollectionDefinition("Browser")]
public sealed class BrowserCollection;

/// <summary>
/// Browser classes that mostly wait for the server's clock (an idle limit, a session's lifetime): they run
/// one after another too, but beside the "Browser" collection, so their waiting overlaps its work instead of
/// adding to the run. They have servers of their own.
/// </summary>
[CollectionDefinition("Browser waits")]
public sealed class BrowserWaitsCollection;

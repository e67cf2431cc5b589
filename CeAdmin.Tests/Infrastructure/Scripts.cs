using System.Diagnostics;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>The repository's shell scripts (scripts/*.sh), run from the tests.</summary>
public static class Scripts
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs scripts/<paramref name="script"/> with <paramref name="args"/>; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, IDictionary<string, string?>? env = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", script));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string?>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/{script} {string.Join(' ', args)} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/{script} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        return await stdout;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CeAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>
/// The PostgreSQL server of the run (scripts/postgres.sh, PG_PORT and PG_DIR in the environment), for
/// the fault tests that restart or stop it. Those run only in the cluster run, where nothing else uses it.
/// </summary>
public static class PostgresServer
{
    public static Task RestartAsync() => RunAsync("restart");
    public static Task PauseAsync() => RunAsync("pause");
    public static Task ResumeAsync() => RunAsync("resume");

    private static Task RunAsync(string command)
    {
        if (Environment.GetEnvironmentVariable("PG_DIR") is not { Length: > 0 })
            throw new InvalidOperationException("PG_PORT and PG_DIR name the test server: run these tests through scripts/cluster-test.sh (./test.sh does).");
        return Scripts.RunAsync("postgres.sh", [command]);
    }
}

/// <summary>
/// Tests that restart the database or stop app instances: one at a time, in their own run
/// (scripts/cluster-test.sh, trait Category=Cluster), never beside the other PostgreSQL tests.
/// </summary>
[CollectionDefinition("Cluster", DisableParallelization = true)]
public sealed class ClusterCollection;

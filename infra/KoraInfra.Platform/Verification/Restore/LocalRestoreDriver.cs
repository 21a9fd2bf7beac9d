using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// The restore drill on this machine, for tests and CI: a base backup (<c>pg_basebackup</c>) of a
/// PostgreSQL 15 cluster that archives its WAL to a directory, then a real point-in-time recovery
/// (<c>recovery_target_time</c>, <c>restore_command</c> from the archive) into a second cluster on
/// a free loopback port. As root, PostgreSQL's tools run as the <c>postgres</c> user.
/// </summary>
/// <param name="Source">The running cluster: loopback port, superuser login (trust), the database to restore.</param>
/// <param name="ArchiveDirectory">Where the source's <c>archive_command</c> copies WAL segments.</param>
/// <param name="WorkDirectory">A scratch directory for the backup and the restored cluster (deleted at teardown).</param>
/// <param name="PgBin">The PostgreSQL 15 binaries.</param>
public sealed class LocalRestoreDriver(NpgsqlConnectionStringBuilder Source, string ArchiveDirectory, string WorkDirectory, string PgBin = "/usr/lib/postgresql/15/bin") : IRestoreDriver
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private string Data => Path.Combine(WorkDirectory, "restored");
    private bool _started;

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(PgBin, "pg_basebackup")))
        {
            throw new InvalidOperationException($"pg_basebackup not found in {PgBin}: the local restore drill needs the Debian package postgresql-15");
        }

        Directory.CreateDirectory(WorkDirectory);
        await OwnAsync(WorkDirectory, cancellationToken).ConfigureAwait(false);
        await RunAsync(Path.Combine(PgBin, "pg_basebackup"), ["-h", Source.Host!, "-p", Source.Port.ToString(CultureInfo.InvariantCulture), "-U", Source.Username!, "-D", Data, "-X", "stream", "-c", "fast"], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> RestoreAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        var source = Source.ConnectionString;

        // Recovery stops at the first commit after the target: wait for one (the heartbeat), then
        // switch WAL segments and wait until the archive holds the segment with it.
        await WaitAsync(async () => await Heartbeat.NewestAsync(source, null, cancellationToken).ConfigureAwait(false) > target, "a heartbeat after the restore point", cancellationToken).ConfigureAwait(false);
        var segment = (string)(await ScalarAsync(source, "SELECT pg_walfile_name(pg_switch_wal())", cancellationToken).ConfigureAwait(false))!;
        await WaitAsync(async () => await ScalarAsync(source, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver", cancellationToken).ConfigureAwait(false) is string archived && string.CompareOrdinal(archived, segment) >= 0, $"WAL segment {segment} in the archive", cancellationToken).ConfigureAwait(false);

        var restoreCommand = $"cp \"{ArchiveDirectory}/%f\" \"%p\"";
        var settings = string.Create(CultureInfo.InvariantCulture, $"\nrestore_command = '{restoreCommand}'\nrecovery_target_time = '{target.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'\nrecovery_target_action = 'promote'\narchive_mode = 'off'\n");
        await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.auto.conf"), settings, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(Data, "recovery.signal"), string.Empty, cancellationToken).ConfigureAwait(false);
        await OwnAsync(WorkDirectory, cancellationToken).ConfigureAwait(false);

        var port = FreePort();
        _started = true;
        await RunAsync(Path.Combine(PgBin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(WorkDirectory, "restored.log"), "-w", "-t", "120", "start", "-o", $"-p {port} -k {WorkDirectory} -c listen_addresses=127.0.0.1 -c fsync=off"], cancellationToken).ConfigureAwait(false);
        var restored = new NpgsqlConnectionStringBuilder(Source.ConnectionString) { Port = port, Pooling = false }.ConnectionString;
        await WaitAsync(async () => await ScalarAsync(restored, "SELECT NOT pg_is_in_recovery()", cancellationToken).ConfigureAwait(false) is true, "the restored server to leave recovery", cancellationToken).ConfigureAwait(false);
        return restored;
    }

    /// <inheritdoc />
    public async Task TeardownAsync()
    {
        if (_started)
        {
            await RunAsync(Path.Combine(PgBin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], CancellationToken.None, mayFail: true).ConfigureAwait(false);
        }

        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // The restored server may still be starting.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"waited {Patience.TotalMinutes} min for {what}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task OwnAsync(string directory, CancellationToken cancellationToken) =>
        IsRoot ? RunAsync("chown", ["-R", "postgres:", directory], cancellationToken, asOwner: false) : Task.CompletedTask;

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool mayFail = false, bool asOwner = true)
    {
        var info = new ProcessStartInfo(asOwner && IsRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asOwner && IsRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()}");
        }
    }
}

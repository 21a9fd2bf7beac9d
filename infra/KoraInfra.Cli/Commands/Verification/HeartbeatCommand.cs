using System.CommandLine;
using KoraInfra.Cli.Commands.Db;
using KoraInfra.Platform.Verification.Restore;
using Npgsql;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora drill heartbeat</c>: writes a <c>kora_drill.heartbeat</c> row every interval, the row the
/// restore drill measures its RPO by. The staging heartbeat writer runs it forever; a write that
/// fails (a failover, a network blip) is logged and the next one tried, so the gap shows in the
/// drill's RPO instead of ending the writer. With <c>--count</c> it stops after that many rows and
/// a failure is an error (tests, a check by hand).
/// </summary>
internal static class HeartbeatCommand
{
    public static Command Create(KoraServices services)
    {
        var connection = DatabaseConnection.Option();
        var interval = new Option<int>("--interval-seconds") { Description = "Seconds between rows (the product's interval is 30).", DefaultValueFactory = _ => (int)Heartbeat.ProductInterval.TotalSeconds };
        var count = new Option<int>("--count") { Description = "Rows to write, then stop (default 0: forever).", DefaultValueFactory = _ => 0 };
        var command = new Command("heartbeat", "Write the heartbeat row the restore drill measures its RPO by, every interval.") { connection, interval, count };
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(interval);
            var rows = parse.GetValue(count);
            if (seconds is < 1 or > 3600)
            {
                throw new UsageException($"--interval-seconds {seconds}: expected 1 to 3600 (the product writes every 30)");
            }

            if (rows < 0)
            {
                throw new UsageException($"--count {rows}: expected 0 (forever) or more");
            }

            var target = DatabaseConnection.Resolve(parse.GetValue(connection));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            for (var written = 0; rows == 0 || written < rows;)
            {
                if (rows > 0)
                {
                    // A bounded run: a failure is the answer, told apart like every db command's.
                    DatabaseConnection.Reach(target, () => Write(target, ct));
                    written++;
                    output.WriteLine($"heartbeat {services.Time.GetUtcNow():O} -> {DatabaseConnection.Describe(target)}");
                }
                else
                {
                    try
                    {
                        await Heartbeat.WriteAsync(target, ct).ConfigureAwait(false);
                        output.WriteLine($"heartbeat {services.Time.GetUtcNow():O} -> {DatabaseConnection.Describe(target)}");
                    }
                    catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
                    {
                        error.WriteLine($"heartbeat not written at {services.Time.GetUtcNow():O} ({ex.Message.Trim()}); next try in {seconds} s");
                    }
                }

                if (rows == 0 || written < rows)
                {
                    await Task.Delay(TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Write(string target, CancellationToken ct)
    {
        Heartbeat.WriteAsync(target, ct).GetAwaiter().GetResult();
        return 1;
    }
}

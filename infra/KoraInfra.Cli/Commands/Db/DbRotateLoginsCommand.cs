using System.CommandLine;
using System.Text.Json;
using KoraInfra.Platform.Database.Logins;

namespace KoraInfra.Cli.Commands.Db;

/// <summary>
/// <c>kora db rotate-logins</c>: sets the vault's current passwords on the login slots the program
/// planned (the rotation Job runs it in every <c>up</c>). Each password comes from an environment
/// variable filled from a Kubernetes Secret, never from an argument; only its SCRAM verifier
/// reaches the server; nothing prints it.
/// </summary>
public static class DbRotateLoginsCommand
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var connection = DatabaseConnection.Option();
        var logins = new Option<string[]>("--login")
        {
            Description = "A planned rotation, group:slot:version (repeatable), e.g. kora_app:kora_app_b:window=p60-20261118. The password is read from KORA_LOGIN_PASSWORD_<GROUP>.",
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var recordOut = new Option<string?>("--record-out") { Description = "Write the rotation records (secret, version, applied where, when) as JSON, for the deploy audit log." };
        var command = new Command("rotate-logins", "Set the vault's current passwords on the planned login slots; the previous slot keeps working until the overlap ends, then is locked.")
        {
            connection,
            logins,
            recordOut,
        };
        command.SetAction(parse => Run(
            DatabaseConnection.Resolve(parse.GetValue(connection)),
            parse.GetValue(logins) ?? [],
            parse.GetValue(recordOut),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string connectionString, string[] arguments, string? recordOut, TextWriter output)
    {
        // Everything is read and checked before the server is touched: a mistake changes nothing.
        var rotations = new List<(LoginRotation Rotation, string Password)>();
        foreach (var argument in arguments)
        {
            LoginRotation rotation;
            try
            {
                rotation = LoginRotation.Parse(argument);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"--login {ex.Message}");
            }

            if (rotations.Any(r => r.Rotation.Login == rotation.Login))
            {
                throw new UsageException($"--login {rotation.Login.Group} is given twice; expected one rotation per login");
            }

            var password = Environment.GetEnvironmentVariable(rotation.Login.PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                throw new UsageException($"{rotation.Login.PasswordVariable} is not set: the rotation Job passes {rotation.Login.Secret} from the vault in it (never on the command line)");
            }

            try
            {
                _ = ScramVerifier.Compute(password);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"{rotation.Login.PasswordVariable}: {ex.Message}");
            }

            rotations.Add((rotation, password));
        }

        var records = DatabaseConnection.Reach(connectionString, () => LoginRotator.Apply(connectionString, rotations, DateTimeOffset.UtcNow, LoginRotationPlan.Overlap));
        foreach (var record in records)
        {
            output.WriteLine($"rotated  {record.Secret} ({record.Version}) on {record.AppliedTo} at {record.AppliedAt:O}; the previous login is accepted until {record.PreviousValidUntil:O}");
        }

        if (recordOut is not null)
        {
            File.WriteAllText(recordOut, JsonSerializer.Serialize(records, RecordJson));
        }

        return ExitCodes.Ok;
    }
}

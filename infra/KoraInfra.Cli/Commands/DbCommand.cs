using System.CommandLine;
using KoraInfra.Cli.Commands.Db;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora db migrate | verify | seed | rotate-logins</c>: the tenant database's schema, RLS check, synthetic data and login rotation.</summary>
public static class DbCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services) => new("db", "The tenant database: apply migrations, verify row level security, load synthetic data.")
    {
        DbMigrateCommand.Create(services),
        DbVerifyCommand.Create(),
        DbSeedCommand.Create(services),
        DbRotateLoginsCommand.Create(),
    };
}

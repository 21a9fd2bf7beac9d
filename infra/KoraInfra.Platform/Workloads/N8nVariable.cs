namespace KoraInfra.Platform.Workloads;

/// <summary>A value only the deployment knows (an Azure host name).</summary>
public enum RuntimeValue
{
    /// <summary>The PostgreSQL server's host name.</summary>
    DatabaseHost,

    /// <summary>The Azure Cache for Redis host name.</summary>
    RedisHost,
}

/// <summary>
/// One environment variable of an n8n process. Never a secret: secrets reach n8n as files
/// (<c>_FILE</c> variables pointing into the mounted Secret), so no credential is in the process
/// environment that workflows could read.
/// </summary>
/// <param name="Name">The variable name, one of n8n's documented names.</param>
/// <param name="Value">The literal value; null when <paramref name="Runtime"/> supplies it.</param>
/// <param name="Runtime">The deploy-time value, or null for a literal.</param>
public sealed record N8nVariable(string Name, string? Value, RuntimeValue? Runtime = null)
{
    /// <summary>A literal variable.</summary>
    public static N8nVariable Literal(string name, string value) => new(name, value);

    /// <summary>A variable the deployment fills in.</summary>
    public static N8nVariable FromRuntime(string name, RuntimeValue value) => new(name, null, value);
}

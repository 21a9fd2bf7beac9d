namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>The cache's two key values, held in memory only: its text form never shows them.</summary>
/// <param name="Primary">The primary key's value.</param>
/// <param name="Secondary">The secondary key's value.</param>
public sealed record RedisAccessKeys(string Primary, string Secondary)
{
    /// <summary>The value of one key.</summary>
    public string Of(RedisKey key) => key == RedisKey.Primary ? Primary : Secondary;

    /// <summary>Never the values: a record's generated text would print them.</summary>
    public override string ToString() => "RedisAccessKeys { values redacted }";
}

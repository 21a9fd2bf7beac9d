namespace KoraInfra.Platform.Response;

/// <summary>A plain environment variable of the responder's container (never a secret: those come from its Secret).</summary>
/// <param name="Name">The variable (<c>Responder__Key</c> is ASP.NET Core's <c>Responder:Key</c>).</param>
/// <param name="Value">Its value.</param>
public sealed record ResponderVariable(string Name, string Value);

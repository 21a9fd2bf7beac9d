namespace KoraInfra.Responder.Tests.Support;

/// <summary>Finds a real tool; a missing one fails the test naming the Debian package that provides it.</summary>
internal static class Tool
{
    public static string Find(string name, string debianPackage, string? searchPath = null)
    {
        var path = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{name}' is not on PATH: install the Debian package '{debianPackage}' (apt-get install {debianPackage}, or run scripts/ci/install-monitoring.sh as root)");
        return path!;
    }

    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out waiting for {what}");
        throw new InvalidOperationException("unreachable");
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Display.Tests;

/// <summary>
/// The display with its own temporary data folder. Over the in-memory test server by default; with
/// <paramref name="kestrel"/> on a free loopback port for the browser. Extra settings override appsettings.json.
/// </summary>
public sealed class KioskServer(bool demoFeed = false, bool kestrel = false, Dictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("kiosk-test-").FullName;

    /// <summary>A short demo cycle (about 6 s): flat feet, so a browser test sees a shopper within seconds.</summary>
    public static Dictionary<string, string?> FastDemo() => new()
    {
        ["DemoFeed:IdleSeconds"] = "1",
        ["DemoFeed:StandSeconds"] = "1.5",
        ["DemoFeed:StayAfterResultSeconds"] = "3",
        ["DemoFeed:Sequence:0"] = "low",
        ["Kiosk:EmptyResetSeconds"] = "0.5",
        ["Kiosk:HoldStillSeconds"] = "1",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kiosk:DataFolder", DataFolder);
        builder.UseSetting("DemoFeed:Enabled", demoFeed ? "true" : "false");
        // The built-in virtual mat is off unless a test turns it on; the mat listener takes a free loopback port.
        builder.UseSetting("VirtualMat:Enabled", "false");
        builder.UseSetting("MatLink:ListenAddress", "127.0.0.1");
        builder.UseSetting("MatLink:Port", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>The real server's address (kestrel only).</summary>
    public Uri StartKestrel()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    public HttpClient Client(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string name)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { name, password = name });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

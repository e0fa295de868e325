using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kiosk.Display.Tests;

/// <summary>
/// The display with its own temporary data folder. Over the in-memory test server by default; with
/// <paramref name="kestrel"/> on a free loopback port for the browser. Extra settings override appsettings.json;
/// <paramref name="services"/> may replace services (a failing store). What it logs is in <see cref="Logs"/>.
/// The environment is Development (the demo: demo accounts, demo scans in the staff's day) unless a test asks for
/// Production; the virtual mat is off either way unless the settings turn it on. <paramref name="https"/>: Kestrel
/// serves TLS with the certificate the settings configure (Kiosk:CertificatePath).
/// </summary>
public sealed class KioskServer(
    bool kestrel = false,
    Dictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Development",
    bool https = false)
    : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("kiosk-test-").FullName;

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// The built-in virtual mat playing flat-footed shoppers at twice real time (about 5.5 s a shopper), through the
    /// real protocol on loopback: the whole chain a store runs, fast enough for browser tests.
    /// </summary>
    public static Dictionary<string, string?> FastVirtualMat() => new()
    {
        ["VirtualMat:Enabled"] = "true",
        ["VirtualMat:Scenarios:0"] = "flat-feet-still",
        ["VirtualMat:Speed"] = "2",
        ["VirtualMat:PauseSeconds"] = "1",
        ["Kiosk:EmptyResetSeconds"] = "0.5",
        // Shopper after shopper, each from the idle screen: no result held for a phone (ResultHoldTests holds one).
        ["Kiosk:ResultHoldSeconds"] = "0",
        ["Kiosk:HoldStillSeconds"] = "1",
    };

    /// <summary>A display for the browser (on Kestrel) with the <see cref="FastVirtualMat"/>, some of its settings changed.</summary>
    public static KioskServer WithFastVirtualMat(params (string Setting, string Value)[] changes)
    {
        var settings = FastVirtualMat();
        foreach (var (setting, value) in changes)
        {
            settings[setting] = value;
        }
        return new KioskServer(kestrel: true, settings: settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Kiosk:DataFolder", DataFolder);
        // The built-in virtual mat is off unless a test turns it on (or, with null, leaves it to the environment's
        // appsettings); the mat listener takes a free loopback port.
        if (settings is null || !settings.ContainsKey("VirtualMat:Enabled"))
        {
            builder.UseSetting("VirtualMat:Enabled", "false");
        }
        builder.UseSetting("MatLink:ListenAddress", "127.0.0.1");
        builder.UseSetting("MatLink:Port", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? [])
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services?.Invoke(collection);
        });
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (https)
                {
                    listen.UseHttps();
                }
            }));
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

    /// <summary>Where the display listens for mats, once its listener is up (the port is the system's pick).</summary>
    public Task<IPEndPoint> MatEndpointAsync() => Get<Kiosk.Display.MatLink.MatListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Display.Auth;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Display.Tests;

/// <summary>
/// Demo and store never mix: the demo (virtual mat, staff/staff and tech/tech) is the Development environment the
/// README's first command runs; Production starts with neither, and its first administrator sets their own password.
/// Where the demo mat runs beside a store's, its scans are marked and left out of the staff's day.
/// </summary>
public sealed class DemoOrStoreTests
{
    private static string ProjectFile(string path) => Path.Combine(RepositoryPaths.Root, "kiosk-display", "KioskDisplay", path);

    [Fact]
    public void TheReadmesFirstCommandRunsTheDemoInDevelopmentOnLocalhost()
    {
        using var launch = JsonDocument.Parse(File.ReadAllText(ProjectFile("Properties/launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.Equal("http://localhost:5080", profile.GetProperty("applicationUrl").GetString());
        using var development = JsonDocument.Parse(File.ReadAllText(ProjectFile("appsettings.Development.json")));
        Assert.True(development.RootElement.GetProperty("Kiosk").GetProperty("Demo").GetBoolean());
        Assert.True(development.RootElement.GetProperty("VirtualMat").GetProperty("Enabled").GetBoolean());
        Assert.Equal("http://localhost:5080", development.RootElement.GetProperty("Urls").GetString());
        using var production = JsonDocument.Parse(File.ReadAllText(ProjectFile("appsettings.json")));
        Assert.False(production.RootElement.GetProperty("Kiosk").GetProperty("Demo").GetBoolean());
        Assert.Empty(production.RootElement.GetProperty("Kiosk").GetProperty("Users").EnumerateArray());
        Assert.False(production.RootElement.GetProperty("VirtualMat").GetProperty("Enabled").GetBoolean());
    }

    [Fact]
    public async Task ProductionStartsWithoutTheDemoMatOrTheDemoAccounts()
    {
        // Only what appsettings.json and the code say: the test server's own virtual-mat switch is taken out.
        await using var server = new KioskServer(environment: "Production", settings: new() { ["VirtualMat:Enabled"] = null });
        server.StartServer();

        Assert.DoesNotContain(server.Services.GetServices<IHostedService>(), s => s is VirtualMatService);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client().PostAsJsonAsync("/api/auth/login", new { name = "staff", password = "staff" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client().PostAsJsonAsync("/api/auth/login", new { name = "tech", password = "tech" })).StatusCode);
        var login = await server.Client().GetAsync("/login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/setup", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DevelopmentRunsTheDemoMatWithTheDemoAccounts()
    {
        await using var server = new KioskServer(settings: new() { ["VirtualMat:Enabled"] = null, ["MatLink:Port"] = "0" });
        server.StartServer();
        Assert.Contains(server.Services.GetServices<IHostedService>(), s => s is VirtualMatService);
        Assert.Equal(HttpStatusCode.OK, (await server.Client().PostAsJsonAsync("/api/auth/login", new { name = "staff", password = "staff" })).StatusCode);
        Assert.Contains("demo display", await server.Client().GetStringAsync("/login"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheFirstAdministratorSetsTheirOwnPasswordWithTheSetupCode()
    {
        await using var server = new KioskServer(environment: "Production");
        server.StartServer();
        string codeFile = Path.Combine(server.DataFolder, FirstRun.CodeFileName);
        string code = (await File.ReadAllTextAsync(codeFile)).Trim();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(codeFile));
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains(code) && e.Message.Contains("/setup"));
        var browser = server.Client();
        string page = await browser.GetStringAsync("/setup");
        string token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Dictionary<string, string> Form(string setupCode, string password) => new()
        {
            ["__RequestVerificationToken"] = token, ["code"] = setupCode, ["name"] = "ada", ["password"] = password, ["repeat"] = password,
        };

        var wrongCode = await browser.PostAsync("/setup", new FormUrlEncodedContent(Form("AAAA-BBBB-CCCC-DDDD", "a long passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        var shortPassword = await browser.PostAsync("/setup", new FormUrlEncodedContent(Form(code, "short")));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        var done = await browser.PostAsync("/setup", new FormUrlEncodedContent(Form(code.ToLowerInvariant(), "a long passphrase")));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tech")).StatusCode);
        Assert.False(File.Exists(codeFile));
        // Set up once: the form is gone, and the code does not work again.
        Assert.Equal(HttpStatusCode.Redirect, (await server.Client().GetAsync("/setup")).StatusCode);
        var again = await server.Client().PostAsync("/setup", new FormUrlEncodedContent(Form(code, "another passphrase")));
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client().PostAsJsonAsync("/api/auth/login", new { name = "ada", password = "a long passphrase" })).StatusCode);
    }

    [Fact]
    public async Task WhereTheDemoMatRunsBesideAStoresMatItsScansAreMarkedAndLeftOutOfTheDay()
    {
        await using var server = new KioskServer(environment: "Production", settings: new()
        {
            ["VirtualMat:Enabled"] = "true",
            ["VirtualMat:PauseSeconds"] = "600", // on, but not playing shoppers during the test
            ["Kiosk:Users:0:Name"] = "anna",
            ["Kiosk:Users:0:PasswordHash"] = PasswordHashing.Hash("anna's long password"),
            ["Kiosk:Users:0:Roles:0"] = "staff",
        });
        var feed = server.Get<IScanFeed>();
        await feed.PublishResultAsync(TestScans.Result("5eed00000001-1", device: "5eed00000001"));
        await feed.PublishResultAsync(TestScans.Result("240ac4000001-1", device: "240ac4000001"));
        var staff = server.Client();
        (await staff.PostAsJsonAsync("/api/auth/login", new { name = "anna", password = "anna's long password" })).EnsureSuccessStatusCode();

        Assert.True((await server.Get<IScanStore>().GetScanAsync("5eed00000001-1"))!.Result.Demo);
        Assert.False((await server.Get<IScanStore>().GetScanAsync("240ac4000001-1"))!.Result.Demo);
        string day = await staff.GetStringAsync("/api/staff/scans");
        Assert.Contains("240ac4000001-1", day);
        Assert.DoesNotContain("5eed00000001-1", day);
        string page = await staff.GetStringAsync("/staff");
        Assert.Contains("240ac4000001", page);
        Assert.DoesNotContain("5eed00000001", page);
    }

    [Fact]
    public async Task WithACertificateTheDisplayServesHttpsAndTheCookieIsSecure()
    {
        string folder = Directory.CreateTempSubdirectory("kiosk-cert-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=kiosk.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            string pfx = Path.Combine(folder, "display.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            await using var server = new KioskServer(kestrel: true, https: true, settings: new()
            {
                ["Kiosk:CertificatePath"] = pfx,
                ["Kiosk:CertificatePassword"] = "pfx-password",
                ["urls"] = "https://127.0.0.1:0",
            });
            Uri address = server.StartKestrel();
            Assert.Equal("https", address.Scheme);
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, served, _, _) => served!.Thumbprint == certificate.Thumbprint };
            using var client = new HttpClient(handler) { BaseAddress = address };

            var login = await client.PostAsJsonAsync("/api/auth/login", new { name = "staff", password = "staff" });

            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            string cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kiosk-staff="));
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiosk.Display;

/// <summary>The services Program.cs lists, one method per feature.</summary>
public static class ServiceSetup
{
    public static IServiceCollection AddKioskOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KioskOptions>().Bind(configuration.GetSection(KioskOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Storage != "postgres" || !string.IsNullOrWhiteSpace(o.PostgresConnection),
                "Kiosk:Storage=postgres needs Kiosk:PostgresConnection, the chain database's connection string " +
                "(e.g. Host=db.example;Database=kiosk;Username=kiosk;Password=...)")
            .Validate(o => o.Users.All(u => u.PasswordHash.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal)),
                "Kiosk:Users: every PasswordHash must come from 'KioskDisplay hash-password SECRET'")
            .Validate(o => Feed.StoreClock.Find(o.TimeZone) is not null,
                "Kiosk:TimeZone must be a time zone id such as Europe/Berlin or America/New_York (empty: the machine's zone)")
            .Validate(o => Endpoints.ShopperLocale.IsCulture(o.Culture),
                "Kiosk:Culture must be a culture name such as en-GB, de-DE or fr-FR")
            .ValidateOnStart();
        services.AddSingleton<Feed.StoreClock>();
        return services;
    }

    /// <summary>
    /// The store (SQLite under the data folder, or the chain's PostgreSQL); the expiry job; the demo catalog for an
    /// empty database.
    /// </summary>
    public static IServiceCollection AddKioskStorage(this IServiceCollection services)
    {
        services.AddSingleton<SqlDatabase>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KioskOptions>>().Value;
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            // The login keys live there whatever the database: readable by this service only.
            DataFolder.MakePrivate(options.DataFolderPath(root));
            if (options.Storage == "postgres")
            {
                return new PostgresDatabase(options.PostgresConnection!);
            }
            return new SqliteDatabase(Path.Combine(options.DataFolderPath(root), "kiosk.db"));
        });
        // Login cookies stay valid across a restart: the keys that sign them live in the data folder too.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KioskOptions>, IHostEnvironment, ILoggerFactory>((keys, options, host, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(options.Value.DataFolderPath(host.ContentRootPath), "keys")), logs));
        // One store per concern, all over the one database.
        services.AddSingleton<IScanStore, ScanStore>();
        services.AddSingleton<IDeviceStore, DeviceStore>();
        services.AddSingleton<ICommandStore, CommandStore>();
        services.AddSingleton<ILogStore, LogStore>();
        services.AddSingleton<ISettingsStore, SettingsStore>();
        services.AddSingleton<ICatalogStore, CatalogStore>();
        services.AddSingleton<IAccountStore, AccountStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LogBudget>();
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<CatalogService>();
        services.AddHostedService<StoreInitializer>(); // first: the schema must exist before anything else starts
        services.AddSingleton<ScanExpiryJob>();
        services.AddHostedService(provider => provider.GetRequiredService<ScanExpiryJob>());
        return services;
    }

    /// <summary>The feed seam, the shopper sessions on it, device commands, and the demo shopper until a real mat.</summary>
    public static IServiceCollection AddScanFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IScanFeed, ScanFeedHub>();
        services.AddSingleton<DemoMats>();
        services.AddSingleton<KioskMat>();
        services.AddSingleton<ShopperSessions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StaffCalls>();
        services.AddSingleton<TakeHome.TakeHomeLinks>();
        services.AddHostedService(provider => provider.GetRequiredService<ShopperSessions>());
        // The mats: the protocol listener (TCP, and a serial port when configured) feeds the hub, pairing lives in the
        // store, and the technician's buttons go over the link.
        services.AddSingleton<FrameDepartures>();
        services.AddSingleton<Kiosk.Display.MatLink.IMatEventSink, MatLinkFeedSink>();
        services.AddSingleton<Kiosk.Display.MatLink.IPairingRegistry, StorePairingRegistry>();
        services.AddMatLink(configuration.GetSection(Kiosk.Display.MatLink.MatLinkOptions.SectionName));
        services.AddSingleton<TechnicianCommands>();
        services.AddSingleton<Pages.Tech.MatAlerts>(); // offline mats and new faulty sensels, for the technician page
        services.AddSingleton<Pages.Staff.DaySummaries>(); // the staff page's day in figures, each scan counted once
        services.AddOptions<VirtualMatServiceOptions>().Bind(configuration.GetSection(VirtualMatServiceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VirtualMatServiceOptions>, VirtualMatOptionsValidator>();
        // The demo mat: on in Development (appsettings.Development.json), off unless asked for in Production.
        if (configuration.GetValue(VirtualMatServiceOptions.Section + ":Enabled", false))
        {
            services.AddHostedService<VirtualMatService>();
        }
        return services;
    }

    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddSingleton(_ => RecommendationRules.Load(RecommendationRules.DefaultPath));
        services.AddSingleton<Recommender>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.MatLink;

public static class MatLinkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the mat link: options from <paramref name="section"/> (validated at start-up), the TCP listener and the
    /// serial port as hosted services, and <see cref="IDeviceCommands"/>. The caller registers its own
    /// <see cref="IMatEventSink"/> and <see cref="IPairingRegistry"/>.
    /// </summary>
    public static IServiceCollection AddMatLink(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<MatLinkOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatLinkOptions>, MatLinkOptionsValidator>();
        services.AddSingleton<ConnectedMats>();
        services.AddSingleton(provider => new MatLinkContext(
            provider.GetRequiredService<IMatEventSink>(),
            provider.GetRequiredService<IPairingRegistry>(),
            provider.GetRequiredService<ConnectedMats>(),
            provider.GetRequiredService<IOptions<MatLinkOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IDeviceCommands, MatCommandSender>();
        services.AddSingleton<MatListener>();
        services.AddHostedService(provider => provider.GetRequiredService<MatListener>());
        services.AddHostedService<SerialMatPort>();
        return services;
    }
}

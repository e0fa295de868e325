using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.MatLink.Tests;

public class ConfigurationTests
{
    [Fact]
    public void DefaultsListenForRealMatsOnEveryInterface()
    {
        var options = new MatLinkOptions();
        Assert.Equal(("0.0.0.0", 5577), (options.ListenAddress, options.Port));
        Assert.True(new MatLinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void ImpossibleSettingsAreRefusedAtStartUp()
    {
        var options = new MatLinkOptions { ListenAddress = "kiosk", Port = 70000, MaxPacketBytes = 1, LiveFrameQueueLength = 0, ProofTimeoutMs = 0 };
        ValidateOptionsResult result = new MatLinkOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("ProofTimeoutMs"));
    }

    [Fact]
    public void AddMatLinkBindsTheSectionAndProvidesCommandsAndHostedServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MatLink:Port"] = "6001",
            ["MatLink:SerialPortName"] = "/dev/ttyUSB7",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IMatEventSink>(new RecordingSink());
        services.AddSingleton<IPairingRegistry>(new InMemoryPairingRegistry());
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILoggerFactory), NullLoggerFactory.Instance);
        services.AddMatLink(configuration.GetSection(MatLinkOptions.SectionName));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(6001, provider.GetRequiredService<IOptions<MatLinkOptions>>().Value.Port);
        Assert.IsType<MatCommandSender>(provider.GetRequiredService<IDeviceCommands>());
        var hosted = provider.GetServices<IHostedService>().ToArray();
        Assert.Contains(hosted, s => s is MatListener);
        // The serial port can only be constructed here: this machine has no serial mat to read.
        SerialMatPort serial = Assert.Single(hosted.OfType<SerialMatPort>());
        Assert.True(serial.Enabled);
    }

    [Fact]
    public async Task SerialPortWithoutAPortNameDoesNothing()
    {
        var context = new MatLinkContext(new RecordingSink(), new InMemoryPairingRegistry(), new ConnectedMats(), new MatLinkOptions(), NullLoggerFactory.Instance);
        using var serial = new SerialMatPort(context);
        Assert.False(serial.Enabled);
        await serial.StartAsync(CancellationToken.None);
        await Guard.Within(serial.ExecuteTask!);
        await serial.StopAsync(CancellationToken.None);
    }
}

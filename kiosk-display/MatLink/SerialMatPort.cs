using System.IO.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Display.MatLink;

/// <summary>
/// A mat on a USB serial port (<see cref="MatLinkOptions.SerialPortName"/>; off when empty): the same packets as TCP,
/// through the same <see cref="MatConnection"/>. The port is reopened after it fails or goes quiet (cable pulled,
/// device rebooting). A hosted service. Not tested here beyond construction: the build machine has no serial mat.
/// </summary>
public sealed class SerialMatPort : BackgroundService
{
    private readonly MatLinkContext _context;
    private readonly ILogger _logger;

    public SerialMatPort(MatLinkContext context)
    {
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<SerialMatPort>();
    }

    public bool Enabled => !string.IsNullOrWhiteSpace(_context.Options.SerialPortName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        MatLinkOptions options = _context.Options;
        string portName = options.SerialPortName!;
        TimeSpan reopenDelay = TimeSpan.FromMilliseconds(options.SerialReopenDelayMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // 8N1 is the device's default (docs/protocol.md, "Connection").
                using var port = new SerialPort(portName, options.SerialBaudRate, Parity.None, 8, StopBits.One);
                port.Open();
                _logger.LogInformation("Serial mat port {Port} open at {Baud} baud", portName, options.SerialBaudRate);
                var connection = new MatConnection(port.BaseStream, "serial:" + portName, _context);
                await connection.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                _logger.LogWarning("Serial mat port {Port} unavailable: {Reason}", portName, e.Message);
            }
            try
            {
                await Task.Delay(reopenDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

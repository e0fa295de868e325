using System.Net;
using Kiosk.Mat.Protocol;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.MatLink;

/// <summary>Refuses a configuration that could not work, at start-up rather than when the first mat connects.</summary>
public sealed class MatLinkOptionsValidator : IValidateOptions<MatLinkOptions>
{
    /// <summary>A packet must at least hold a header and a CRC.</summary>
    private const int MinPacketBytes = PacketFormat.HeaderBytes + PacketFormat.CrcBytes;

    public ValidateOptionsResult Validate(string? name, MatLinkOptions options)
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            errors.Add($"MatLink:ListenAddress '{options.ListenAddress}' is not an IP address.");
        }
        Require(errors, options.Port is >= 0 and <= 65535, "MatLink:Port must be 0-65535.");
        Require(errors, options.MaxConnections >= 1, "MatLink:MaxConnections must be at least 1.");
        Require(errors, options.MaxUnprovenConnections >= 1 && options.MaxUnprovenConnections <= options.MaxConnections,
            "MatLink:MaxUnprovenConnections must be 1 to MatLink:MaxConnections.");
        Require(errors, options.MaxPacketBytes is >= MinPacketBytes and <= PacketFormat.MaxPacketBytes,
            $"MatLink:MaxPacketBytes must be {MinPacketBytes}-{PacketFormat.MaxPacketBytes}.");
        Require(errors, options.IdleTimeoutMs >= 100, "MatLink:IdleTimeoutMs must be at least 100.");
        Require(errors, options.UnpairedLingerMs >= 0, "MatLink:UnpairedLingerMs must not be negative.");
        Require(errors, options.ProofTimeoutMs >= 100, "MatLink:ProofTimeoutMs must be at least 100.");
        Require(errors, options.LiveFrameQueueLength >= 1, "MatLink:LiveFrameQueueLength must be at least 1.");
        Require(errors, options.SerialBaudRate > 0, "MatLink:SerialBaudRate must be positive.");
        Require(errors, options.SerialReopenDelayMs >= 0, "MatLink:SerialReopenDelayMs must not be negative.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiosk.Mat.Cli.Commands;

/// <summary>
/// <c>matctl provision</c>: everything a new mat needs on its flash, in the two files the ESP32 app reads at boot
/// (<c>I:\board.txt</c>, the pin map from hardware/*.json; <c>I:\device.txt</c>, Wi-Fi, display, identity), each
/// checked with the firmware's own parser before it is written, plus nanoff's deployment list. With <c>--flash</c>
/// it runs nanoff, which writes both files over the board's USB serial port; otherwise it prints that command. The
/// nanoff target follows the board's module (a PSRAM image for the ESP32-WROVER-E), and a target without PSRAM for a
/// PSRAM module is refused: the device would boot with a heap it does not fit in.
/// Exit 0 written (and flashed), 1 the board definition has faults, 2 bad arguments or a file that cannot be
/// read or written, 3 nanoff failed or is not installed.
/// </summary>
public static class ProvisionCommand
{
    public const string BoardFileOnDevice = @"I:\board.txt";
    public const string DeviceFileOnDevice = @"I:\device.txt";

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "the mat's board definition (hardware/*.json)", Required = true };
        var deviceId = new Option<string>("--device-id") { Description = "the mat's id: 1-16 hex digits, e.g. its Wi-Fi MAC", Required = true };
        var ssid = new Option<string>("--wifi-ssid") { Description = "the store's Wi-Fi network (leave out for a USB-only mat)" };
        var password = new Option<string>("--wifi-password") { Description = "its password" };
        var display = new Option<string>("--display") { Description = "the kiosk display, HOST or HOST:PORT (port 5577 by default)" };
        var key = new Option<string>("--device-key") { Description = "the mat's pairing key, 32 hex digits (default: a new random key, printed for the technician page)" };
        var output = new Option<string>("--out") { Description = "folder for board.txt, device.txt and deploy.json (default: provision-DEVICEID)" };
        var port = new Option<string>("--port") { Description = "the board's serial port for nanoff (COM3, /dev/ttyUSB0)" };
        var target = new Option<string>("--target") { Description = "nanoff's firmware target (default: the one for the board's module, e.g. ESP32_PSRAM_REV3_IPV6 for an ESP32-WROVER-E)" };
        var flash = new Option<bool>("--flash") { Description = "run nanoff now to write the files to the board over --port" };
        var command = new Command("provision", "write a new mat's board and device files and deploy them with nanoff over serial");
        foreach (Option option in new Option[] { board, deviceId, ssid, password, display, key, output, port, target, flash })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            TextWriter said = parse.InvocationConfiguration.Output;
            BoardDefinition definition;
            try
            {
                definition = BoardDefinitionFile.Load(parse.GetValue(board)!);
            }
            catch (BoardFileException e)
            {
                error.WriteLine($"matctl provision: {e.Message}");
                return 2;
            }
            var faults = BoardValidator.Check(definition);
            if (faults.Count > 0)
            {
                foreach (var fault in faults)
                {
                    error.WriteLine($"matctl provision: {fault}");
                }
                return 1;
            }
            // The validator has refused an unknown module above.
            Esp32Module module = Esp32Module.Named(definition.Controller.Module)!;
            string nanoffTarget = parse.GetValue(target) ?? module.NanoffTarget;
            if (module.HasPsram && !nanoffTarget.Contains("PSRAM", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"matctl provision: --target {nanoffTarget} has no PSRAM support, and the {module} board's device only fits in its PSRAM: use {module.NanoffTarget} (hardware/README.md, \"The module\")");
                return 2;
            }
            string id = parse.GetValue(deviceId)!.Trim().ToLowerInvariant();
            // The firmware's own parser, so an id provisioned here is one the mat accepts at boot.
            if (DeviceIdentity.ParseHex(id) < 0)
            {
                error.WriteLine($"matctl provision: --device-id '{id}' must be 1 to 16 hex digits");
                return 2;
            }
            var pairingKey = new byte[PairingKey.KeyBytes];
            string? givenKey = parse.GetValue(key);
            if (givenKey is null)
            {
                RandomNumberGenerator.Fill(pairingKey);
            }
            else if (!PairingKey.TryParse(givenKey, pairingKey))
            {
                error.WriteLine($"matctl provision: --device-key must be 32 hex digits (leave it out for a new random key)");
                return 2;
            }
            string deviceText;
            try
            {
                deviceText = DeviceText(id, PairingKey.Format(pairingKey), parse.GetValue(ssid), parse.GetValue(password), parse.GetValue(display));
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"matctl provision: {e.Message}");
                return 2;
            }
            string boardText = DeviceBoardText.Export(definition);
            // The firmware's own parsers must accept what goes on the device.
            string? problem = BoardConfig.From(KeyValueFile.Parse(Encoding.UTF8.GetBytes(boardText))).Error
                ?? DeviceSettings.From(KeyValueFile.Parse(Encoding.UTF8.GetBytes(deviceText))).Error;
            if (problem != null)
            {
                error.WriteLine($"matctl provision: the device would refuse it: {problem}");
                return 2;
            }

            string folder = Path.GetFullPath(parse.GetValue(output) ?? $"provision-{id}");
            string deploy;
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "board.txt"), boardText, new UTF8Encoding(false));
                File.WriteAllText(Path.Combine(folder, "device.txt"), deviceText, new UTF8Encoding(false));
                deploy = Path.Combine(folder, "deploy.json");
                File.WriteAllText(deploy, DeployList(folder), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"matctl provision: {folder}: cannot be written: {e.Message}");
                return 2;
            }
            string serial = parse.GetValue(port) ?? "PORT";
            string nanoff = $"nanoff --target {nanoffTarget} --serialport {serial} --filedeployment \"{deploy}\"";
            said.WriteLine($"wrote board.txt, device.txt and deploy.json to {folder} (board {definition.Name} on an {module})");
            // The display must learn the same key: the technician types it when pairing the mat (Mats > the mat > Pair).
            said.WriteLine($"pairing key: {PairingKey.Format(pairingKey)}");
            said.WriteLine($"  on the display's technician page, pair mat {id} with this key");
            if (!parse.GetValue(flash))
            {
                said.WriteLine($"to write them to the board: {nanoff}");
                return 0;
            }
            if (parse.GetValue(port) is null)
            {
                error.WriteLine("matctl provision: --flash needs --port");
                return 2;
            }
            return RunNanoff(nanoff, said, error);
        });
        return command;
    }

    /// <summary>The device file: identity, pairing key, Wi-Fi and where the display listens.</summary>
    public static string DeviceText(string deviceId, string deviceKey, string? ssid, string? password, string? display)
    {
        var text = new StringBuilder();
        text.Append("# written by matctl provision; the ESP32 app reads it at boot as I:\\device.txt\n");
        text.Append("device_id=").Append(deviceId).Append('\n');
        text.Append("device_key=").Append(OneLine(deviceKey, "--device-key")).Append('\n');
        if (!string.IsNullOrEmpty(ssid))
        {
            text.Append("wifi_ssid=").Append(OneLine(ssid, "--wifi-ssid")).Append('\n');
            text.Append("wifi_password=").Append(OneLine(password ?? "", "--wifi-password")).Append('\n');
        }
        if (!string.IsNullOrEmpty(display))
        {
            string[] parts = display.Split(':');
            if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new ArgumentException($"--display '{display}' must be HOST or HOST:PORT");
            }
            text.Append("display_host=").Append(parts[0]).Append('\n');
            if (parts.Length == 2)
            {
                text.Append("display_port=").Append(parts[1]).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string OneLine(string value, string option) =>
        value.IndexOfAny(['\n', '\r']) < 0 ? value : throw new ArgumentException($"{option} must be one line");

    /// <summary>nanoff's file deployment list: each local file and where it goes on the device's flash.</summary>
    private static string DeployList(string folder) => JsonSerializer.Serialize(new
    {
        files = new[]
        {
            new { DestinationFilePath = BoardFileOnDevice, SourceFilePath = Path.Combine(folder, "board.txt") },
            new { DestinationFilePath = DeviceFileOnDevice, SourceFilePath = Path.Combine(folder, "device.txt") },
        },
    }, new JsonSerializerOptions { WriteIndented = true });

    private static int RunNanoff(string commandLine, TextWriter said, TextWriter error)
    {
        said.WriteLine($"running: {commandLine}");
        try
        {
            var start = new ProcessStartInfo("nanoff", commandLine["nanoff ".Length..]) { UseShellExecute = false };
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine($"matctl provision: nanoff exited {process.ExitCode}");
                return 3;
            }
            return 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            error.WriteLine("matctl provision: nanoff is not installed (dotnet tool install -g nanoff)");
            return 3;
        }
    }
}

using Kiosk.Mat.Host.Protocol;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Cli.Commands;

/// <summary>
/// <c>matctl decode FILE</c>: decode a capture of the mat protocol (docs/protocol.md), one JSON line per packet and
/// one per stretch of rejected bytes. Any bytes are a valid input; only a file that cannot be read is an error.
/// </summary>
public static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "bytes captured from the mat's TCP or serial link" };
        var command = new Command("decode", "decode a protocol capture: one JSON line per packet and per stretch of rejected bytes");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            TextWriter error = parse.InvocationConfiguration.Error;
            try
            {
                using FileStream stream = File.OpenRead(path);
                var sink = new JsonLinesSink(parse.InvocationConfiguration.Output);
                var decoder = new PacketDecoder(sink, PacketFormat.MaxPacketBytes);
                var chunk = new byte[64 * 1024];
                for (int read; (read = stream.Read(chunk, 0, chunk.Length)) > 0;)
                {
                    decoder.Feed(chunk, 0, read);
                }
                decoder.Flush();
                error.WriteLine($"{sink.Packets} packets, {decoder.RejectedBytes} bytes rejected in {sink.RejectedStretches} stretches");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                string why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read ({e.Message})";
                error.WriteLine($"matctl decode: {path}: {why}");
                return 2;
            }
        });
        return command;
    }
}

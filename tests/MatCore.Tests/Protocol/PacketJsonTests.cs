using System.Text.Json;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Host.Protocol;

namespace Kiosk.Mat.Tests.Protocol;

public class PacketJsonTests
{
    private static SentPacket Encode(MessageType type, uint sequence, Func<byte[], int, int, int> encodePayload)
    {
        var buffer = new byte[4096];
        int length = encodePayload(buffer, 0, buffer.Length);
        return new SentPacket(type, sequence, buffer[..length]);
    }

    private static string[] DecodeToLines(byte[] stream)
    {
        var text = new StringWriter();
        var decoder = new PacketDecoder(new JsonLinesSink(text), PacketFormat.MaxPacketBytes);
        decoder.Feed(stream, 0, stream.Length);
        decoder.Flush();
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void ResultLineCarriesTheAnalysisInTheAnalyzeJsonShape()
    {
        var result = new ResultMessage(16) { DeviceId = 0xA4CF12345678, ResultCounter = 17, HasSummedFrame = true, Rows = 2, Cols = 3 };
        result.Analysis.Left.Present = true;
        result.Analysis.Left.ArchIndexX1000 = 231;
        result.Analysis.Left.Arch = ArchType.Normal;
        result.Analysis.QualityIssues = QualityIssue.OneFootOnly;
        result.Analysis.TotalLoadGrams = 71_500;
        result.Analysis.SwayPathMmX10 = 123;
        int[] summed = [0, 500, 0, 0, 0, 2_500_000];
        summed.CopyTo(result.SummedLoadGrams, 0);

        string[] lines = DecodeToLines(Encode(MessageType.Result, 3, result.EncodePayload).Wire());

        var line = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("result", line.GetProperty("type").GetString());
        Assert.Equal(3u, line.GetProperty("seq").GetUInt32());
        Assert.Equal("a4cf12345678-17", line.GetProperty("resultId").GetString());
        Assert.Equal(AnalysisReport.From(result.Analysis).ToJson(), line.GetProperty("analysis").GetRawText());
        var frame = line.GetProperty("summedFrame");
        Assert.Equal(2, frame.GetProperty("loadedSensels").GetInt32());
        Assert.Equal("[[1,500],[5,2097151]]", frame.GetProperty("loadsG").GetRawText());
    }

    [Fact]
    public void EveryStretchOfRejectedBytesIsOneLine()
    {
        var ack = new AckMessage { AckedSequence = 9, HasResultId = true, DeviceId = 1, ResultCounter = 2 };
        byte[] packet = Encode(MessageType.Ack, 4, ack.EncodePayload).Wire();
        byte[] stream = [1, 2, 3, .. packet, 0, 9, 9, 0, 9, .. packet, 7];

        string[] lines = DecodeToLines(stream);

        // A rejected stretch ends with the 0x00 that closed it (here the next packet's leading one);
        // an idle 0x00 right after a packet belongs to no stretch.
        Assert.Equal(5, lines.Length);
        Assert.Equal("""{"rejected":4,"offset":0}""", lines[0]);
        Assert.Contains("\"resultId\":\"000000000001-2\"", lines[1]);
        Assert.Equal($$"""{"rejected":5,"offset":{{3 + packet.Length + 1}}}""", lines[2]);
        Assert.Equal(lines[1], lines[3]);
        Assert.Equal($$"""{"rejected":1,"offset":{{stream.Length - 1}}}""", lines[4]);
    }

    [Fact]
    public void PacketWhosePayloadDoesNotParseIsMarkedMalformed()
    {
        string[] lines = DecodeToLines(new SentPacket(MessageType.Status, 1, [1, 2, 3]).Wire());
        Assert.Equal("""{"type":"status","seq":1,"malformed":true,"payloadBytes":3}""", Assert.Single(lines));
    }

    [Fact]
    public void CommandsPrintTheirFields()
    {
        var config = new SetConfigMessage();
        config.Set("frame_rate_hz", "20");
        var gain = new CalibrateGainMessage { KnownWeightGrams = 20_000 };
        byte[] stream = [.. Encode(MessageType.SetConfig, 1, config.EncodePayload).Wire(),
            .. Encode(MessageType.CalibrateGain, 2, gain.EncodePayload).Wire(),
            .. new SentPacket(MessageType.Reboot, 3, []).Wire()];

        Assert.Equal(
            [
                """{"type":"set-config","seq":1,"key":"frame_rate_hz","value":"20"}""",
                """{"type":"calibrate-gain","seq":2,"knownWeightG":20000}""",
                """{"type":"reboot","seq":3}""",
            ],
            DecodeToLines(stream));
    }
}

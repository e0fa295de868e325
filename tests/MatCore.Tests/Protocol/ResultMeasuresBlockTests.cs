using Kiosk.Mat.Host.Json;

namespace Kiosk.Mat.Tests.Protocol;

/// <summary>
/// The Result's measures block (flag bit 1): payloads of older mats without it still decode, their new measures
/// "not measured" (null in the JSON); a newer mat's longer block is read for what this version knows.
/// </summary>
public class ResultMeasuresBlockTests
{
    private const int FlagsOffset = 176;

    private static (ResultMessage Sent, byte[] Payload) Encoded()
    {
        var sent = new ResultMessage(16) { DeviceId = 5, ResultCounter = 9 };
        var a = sent.Analysis;
        a.TotalLoadGrams = 70_000;
        a.MidfootPctX10 = 71;
        foreach (var foot in new[] { a.Left, a.Right })
        {
            foot.Present = true;
            foot.Arch = ArchType.Normal;
            foot.ArchIndexX1000 = 252;
            foot.ArchBorderlineWith = ArchType.Low;
            foot.ModifiedArchIndexX1000 = 118;
            foot.MidfootPctX10 = 72;
        }
        var buffer = new byte[512];
        int length = sent.EncodePayload(buffer, 0, buffer.Length);
        Assert.Equal(ResultMessage.FixedPayloadBytes, length);
        return (sent, buffer[..length]);
    }

    [Fact]
    public void APayloadWithoutTheMeasuresBlockDecodesWithThoseMeasuresNotMeasured()
    {
        var (_, payload) = Encoded();
        // What a mat of the first release sent: the same first 176 bytes, then flags 0 and nothing more.
        byte[] old = [.. payload[..FlagsOffset], 0];
        var received = new ResultMessage(16);
        Assert.True(received.DecodePayload(old, 0, old.Length));
        Assert.Equal(252, received.Analysis.Left.ArchIndexX1000);
        Assert.Equal(ResultMessage.NotMeasured, received.Analysis.Left.ModifiedArchIndexX1000);
        Assert.Equal(ArchType.Unknown, received.Analysis.Left.ArchBorderlineWith);

        var report = AnalysisReport.From(received.Analysis);
        Assert.Null(report.Left!.ModifiedArchIndex);
        Assert.Null(report.Left.MidfootPct);
        Assert.Null(report.Left.ArchBorderlineWith);
        Assert.Null(report.MidfootPct);
        Assert.Equal(0.252, report.Left.ArchIndex);
    }

    [Fact]
    public void ALongerMeasuresBlockOfANewerMatIsReadAndItsExtraFieldsSkipped()
    {
        var (_, payload) = Encoded();
        int blockStart = FlagsOffset + 1;
        byte[] newer = [.. payload[..blockStart], ResultMessage.MeasuresBytes + 3, .. payload[(blockStart + 1)..], 1, 2, 3];
        var received = new ResultMessage(16);
        Assert.True(received.DecodePayload(newer, 0, newer.Length));
        Assert.Equal(118, received.Analysis.Right.ModifiedArchIndexX1000);
        Assert.Equal(ArchType.Low, received.Analysis.Right.ArchBorderlineWith);
        Assert.Equal(71, received.Analysis.MidfootPctX10);
    }

    [Fact]
    public void AShorterMeasuresBlockIsMalformed()
    {
        var (_, payload) = Encoded();
        byte[] shorter = [.. payload[..(FlagsOffset + 1)], ResultMessage.MeasuresBytes - 4, .. payload[(FlagsOffset + 2)..^4]];
        Assert.False(new ResultMessage(16).DecodePayload(shorter, 0, shorter.Length));
    }

    [Fact]
    public void TheJsonCarriesTheNewMeasuresBesideTheOldOnes()
    {
        var (sent, _) = Encoded();
        string json = AnalysisReport.From(sent.Analysis).ToJson();
        Assert.Contains("\"modifiedArchIndex\":0.118", json);
        Assert.Contains("\"archBorderlineWith\":\"low\"", json);
        Assert.Contains("\"archType\":\"normal\"", json);
        Assert.Contains("\"midfootPct\":7.2", json);
        Assert.Contains("\"midfootPct\":7.1", json);
        var back = AnalysisReport.FromJson(json)!;
        Assert.Equal(0.118, back.Right!.ModifiedArchIndex);
        Assert.Equal("low", back.Right.ArchBorderlineWith);
    }
}

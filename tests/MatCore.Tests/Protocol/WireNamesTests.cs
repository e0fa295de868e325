namespace Kiosk.Mat.Tests.Protocol;

/// <summary>
/// The names the JSON, the logs and docs/protocol.md use for the core's enums: spelled out in the core because an
/// enum's ToString() on nanoFramework gives its number. One name per value, none missing.
/// </summary>
public class WireNamesTests
{
    [Fact]
    public void EveryMessageTypeHasItsOwnName()
    {
        string[] names = Enum.GetValues<MessageType>().Select(type => type.Name()).ToArray();

        Assert.DoesNotContain("unknown", names);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal("sensel-map", MessageType.SenselMap.Name());
        Assert.Equal("unknown", ((MessageType)0x07).Name());
    }

    [Fact]
    public void EveryAckStatusHasItsOwnName()
    {
        string[] names = Enumerable.Range(0, (int)AckStatus.Max + 1).Select(status => ((AckStatus)status).Name()).ToArray();

        Assert.Equal(["ok", "unknown-device", "unknown-key", "bad-value", "busy", "bad-proof"], names);
        Assert.Equal("unknown", (AckStatus.Max + 1).Name());
    }

    [Fact]
    public void EveryQualityFlagHasTheNameTheProtocolDocumentGivesIt()
    {
        string[] names = Enumerable.Range(0, QualityIssueNames.Count).Select(i => QualityIssueNames.FlagAt(i).Name()).ToArray();

        // docs/protocol.md, Result offset 12, in bit order.
        Assert.Equal(["no-foot", "one-foot-only", "foot-at-edge", "too-light", "saturated-sensels", "too-many-dead-sensels",
            "footprint-unreliable", "not-adult-sized"], names);
        Assert.Equal(QualityIssueNames.Count, Enum.GetValues<QualityIssue>().Length - 1); // every flag but None
        Assert.Equal("unknown", (QualityIssue.NoFoot | QualityIssue.TooLight).Name());
    }
}

using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.Link;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary>The portable link session the ESP32 app and the virtual mat share, over an in-memory display.</summary>
public class MatLinkSessionTests
{
    private const long DeviceId = 0x0000_A1B2_C3D4_E5F6;
    private static readonly MatGeometry Mat = new(16, 16, 10000);

    [Fact]
    public void HelloGoesFirstAndNothingElseUntilItIsAcked()
    {
        var (session, display) = Connected(capacity: 4, ackHello: false);

        Assert.False(session.SendFrame(new int[Mat.SenselCount], 0));
        Assert.True(session.QueueResult(new ScanAnalysis(), null, 0));
        session.Poll(10);

        Assert.Equal([(MessageType.Hello, 0u)], display.Packets);
    }

    [Fact]
    public void ResultsGoOutOnceHelloIsAckedAndAreResentUntilAcked()
    {
        var (session, display) = Connected(capacity: 4);
        session.QueueResult(new ScanAnalysis(), null, 0);
        session.Poll(0);
        session.Poll(ResultOutbox.InitialBackoffMs);
        display.AcknowledgeResult(DeviceId, 1);
        session.Poll(ResultOutbox.InitialBackoffMs + 1);
        session.Poll(10 * ResultOutbox.MaxBackoffMs);

        Assert.Equal([1u, 1u], display.ResultCounters);
        Assert.Equal(0, session.Outbox.Count);
    }

    [Fact]
    public void FullOutboxHoldsTheNewestScanAndTakesItAfterAnAck()
    {
        var (session, display) = Connected(capacity: 2);
        Assert.True(session.QueueResult(new ScanAnalysis(), null, 0));
        Assert.True(session.QueueResult(new ScanAnalysis(), null, 0));

        Assert.False(session.QueueResult(new ScanAnalysis(), null, 0));
        Assert.True(session.HoldingResult);
        // The device offers the held scan again every frame: it keeps the id it was given, and no other is spent.
        Assert.False(session.QueueResult(new ScanAnalysis(), null, 0));
        Assert.Equal(4u, session.NextResultCounter);
        session.Poll(0);
        session.SendStatus();
        Assert.True(display.LastStatus!.OutboxFull);
        Assert.Equal(2, display.LastStatus.OutboxPending);

        display.AcknowledgeResult(DeviceId, 1);
        session.Poll(1);
        Assert.True(session.QueueResult(new ScanAnalysis(), null, 1));
        session.Poll(2);
        session.SendStatus();

        Assert.False(session.HoldingResult);
        Assert.False(display.LastStatus!.OutboxFull);
        Assert.Equal([1u, 2u, 3u], display.ResultCounters);
        Assert.Equal(4u, session.NextResultCounter);
    }

    [Fact]
    public void LiveFramesAreDroppedUnderBackPressureWithoutSpendingSequences()
    {
        var (session, display) = Connected(capacity: 2);
        int[] frame = new int[Mat.SenselCount];
        frame[5] = 700;

        Assert.True(session.SendFrame(frame, 0));
        display.Busy = true;
        Assert.False(session.SendFrame(frame, 50));
        Assert.False(session.SendFrame(frame, 100));
        display.Busy = false;
        Assert.True(session.SendFrame(frame, 150));

        Assert.Equal(2u, session.FramesDropped);
        uint[] sequences = [.. display.Packets.Select(p => p.Sequence)];
        Assert.Equal(Enumerable.Range(0, sequences.Length).Select(i => (uint)i), sequences);
    }

    [Fact]
    public void ReconnectingStartsSequencesAgainWithAHelloAndResendsWhatIsHeld()
    {
        var (session, first) = Connected(capacity: 2);
        session.QueueResult(new ScanAnalysis(), null, 0);
        session.Poll(0);
        first.IsOpen = false;
        session.Poll(10);
        Assert.False(session.Connected);

        var second = new ScriptedDisplayTransport();
        session.Connect(second, 20);
        session.Poll(20);
        session.Poll(21);

        Assert.Equal((MessageType.Hello, 0u), second.Packets[0]);
        Assert.Equal([1u], second.ResultCounters);
    }

    [Fact]
    public void CommandsAreCarriedOutAndAckedWithTheirStatus()
    {
        var (session, display) = Connected(capacity: 1);
        var commands = new RecordingCommands();
        session.Commands = commands;
        var gain = new CalibrateGainMessage { KnownWeightGrams = 20000 };
        byte[] gainPayload = new byte[4];
        gain.EncodePayload(gainPayload, 0, gainPayload.Length);

        uint zero = display.SendCommand(MessageType.CalibrateZero, []);
        uint scale = display.SendCommand(MessageType.CalibrateGain, gainPayload);
        uint config = display.SendCommand(MessageType.SetConfig, [3, (byte)'f', (byte)'p', (byte)'s', 2, (byte)'1', (byte)'0']);
        session.Poll(5);

        Assert.Equal([(zero, AckStatus.Busy), (scale, AckStatus.Ok), (config, AckStatus.UnknownKey)], display.AcksFromDevice);
        Assert.Equal(20000, commands.GainGrams);
    }

    /// <summary>Says busy to a zero (someone on the mat) and takes any gain.</summary>
    private sealed class RecordingCommands : IMatCommands
    {
        public int GainGrams;

        public AckStatus CalibrateZero() => AckStatus.Busy;

        public AckStatus CalibrateGain(int knownGrams)
        {
            GainGrams = knownGrams;
            return AckStatus.Ok;
        }

        public AckStatus Reboot() => AckStatus.Ok;
    }

    private static readonly byte[] Key = Convert.FromHexString("9f86d081884c7d659a2feaa0c55ad015");
    private static readonly byte[] OtherKey = Convert.FromHexString("9f86d081884c7d659a2feaa0c55ad016");

    [Fact]
    public void ChallengeIsAnsweredWithTheProofOfTheKeyAndThenTheMatIsPaired()
    {
        var display = new ScriptedDisplayTransport { PairingKey = Key };
        var session = Session(Key);
        session.Connect(display, 0);
        Assert.Equal(MatLinkSession.NoAnswer, session.HelloStatus);

        session.Poll(0); // the challenge; the proved Hello goes out, and this display acks it at once
        Assert.True(session.Paired);
        Assert.Equal(AckStatus.Ok, session.HelloStatus);
        Assert.Equal([(MessageType.Hello, 0u), (MessageType.Hello, 1u)], display.Packets);

        // The next connection starts without a proof again and proves itself over the new nonce.
        var again = new ScriptedDisplayTransport { PairingKey = Key };
        session.Connect(again, 10);
        session.Poll(10);
        session.Poll(11);
        Assert.True(session.Paired);
    }

    [Fact]
    public void MatWithAnotherKeyIsRefusedSaysWhyAndSendsNothingElse()
    {
        var display = new ScriptedDisplayTransport { PairingKey = Key };
        var session = Session(OtherKey);
        session.Connect(display, 0);
        session.QueueResult(new ScanAnalysis(), null, 0);
        session.Poll(0);
        session.Poll(1);
        session.SendFrame(new int[Mat.SenselCount], 2);
        session.Poll(ResultOutbox.MaxBackoffMs);

        Assert.False(session.Paired);
        Assert.Equal(AckStatus.BadProof, session.HelloStatus);
        Assert.Equal([(MessageType.Hello, 0u), (MessageType.Hello, 1u)], display.Packets);
        Assert.Equal(1, session.Outbox.Count);
    }

    [Fact]
    public void ChallengeToAnOlderHelloOrWithoutAKeyIsNotAnswered()
    {
        var stale = new ScriptedDisplayTransport();
        var session = Session(Key);
        session.Connect(stale, 0);
        var challenge = new ChallengeMessage { HelloSequence = 7 };
        var payload = new byte[ChallengeMessage.PayloadBytes];
        challenge.EncodePayload(payload, 0, payload.Length);
        stale.SendCommand(MessageType.Challenge, payload);
        session.Poll(0);
        Assert.Equal([(MessageType.Hello, 0u)], stale.Packets);

        var keyless = Session(null);
        var display = new ScriptedDisplayTransport { PairingKey = Key };
        keyless.Connect(display, 0);
        keyless.Poll(0);
        Assert.Equal([(MessageType.Hello, 0u)], display.Packets);
        Assert.False(keyless.Paired);
    }

    [Fact]
    public void SenselMapGoesOutOnceTheHelloIsAcceptedOnEveryConnection()
    {
        var mask = new byte[Mat.SenselCount];
        mask[17] = (byte)Kiosk.Mat.SelfTest.SenselStatus.Stuck;
        var session = Session(Key);
        session.SenselMask = mask;
        Assert.False(session.SendSenselMap()); // not linked yet

        for (int connection = 0; connection < 2; connection++)
        {
            var display = new ScriptedDisplayTransport { PairingKey = Key };
            session.Connect(display, 0);
            session.Poll(0);
            Assert.Equal([MessageType.Hello, MessageType.Hello, MessageType.SenselMap], display.Packets.Select(p => p.Type));
            var map = new SenselMapMessage(Mat.SenselCount);
            Assert.True(map.DecodePayload(display.LastSenselMap!, 0, display.LastSenselMap!.Length));
            Assert.Equal((byte)Kiosk.Mat.SelfTest.SenselStatus.Stuck, map.Statuses[17]);
            Assert.Equal(1, map.Statuses.Count(v => v != 0));
        }
    }

    [Fact]
    public void HeldResultsGoOutFromTheSharedBufferAndAreResentByteForByte()
    {
        // The device's sizes on a 48 x 48 mat: one buffer, the outbox's pool, room for one largest result; the results
        // are framed where they lie and put back, so every resend, and a live frame built beside them, leaves them intact.
        var mat48 = new MatGeometry(48, 48, 10000);
        int payloadBytes = MatLinkSession.PayloadBytesFor(mat48.SenselCount);
        var session = new MatLinkSession(DeviceId, mat48, new ResultOutbox(4, payloadBytes), 1, null, payloadBytes);
        var display = new ScriptedDisplayTransport();
        session.Connect(display, 0);
        session.Poll(0);
        for (int scan = 0; scan < 3; scan++)
        {
            var window = new LoadedSensels(16, mat48.Cols);
            for (int k = 0; k < 16; k++)
            {
                window.Add(k * 13 + scan, 250 * (k + 1) + scan);
            }
            Assert.True(session.QueueResult(new ScanAnalysis { TotalLoadGrams = 1000 + scan }, window, 0));
        }
        var frame = new LoadedSensels(4, mat48.Cols);
        frame.Add(5, 700);
        session.Poll(0);
        Assert.True(session.SendFrame(frame, 1));
        session.Poll(ResultOutbox.InitialBackoffMs);

        Assert.Equal([1u, 2u, 3u, 1u, 2u, 3u], display.ResultCounters);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(display.ResultPayloads[i], display.ResultPayloads[i + 3]);
        }
    }

    [Fact]
    public void AnOutboxFullOfTheLargestResultStillAcknowledgesCommandsAndHoldsTheNextScan()
    {
        int payloadBytes = MatLinkSession.PayloadBytesFor(Mat.SenselCount);
        var session = new MatLinkSession(DeviceId, Mat, new ResultOutbox(4, payloadBytes), 1, null, payloadBytes);
        var display = new ScriptedDisplayTransport();
        session.Connect(display, 0);
        session.Poll(0);
        // A quarter of the mat loaded with five-digit grams: the largest Result this device sends.
        var window = new LoadedSensels(Mat.SenselCount / 4, Mat.Cols);
        for (int k = 0; k < Mat.SenselCount / 4; k++)
        {
            window.Add(k * 4, 60000 + k);
        }
        Assert.True(session.QueueResult(new ScanAnalysis(), window, 0));
        Assert.False(session.QueueResult(new ScanAnalysis(), window, 0));
        Assert.True(session.HoldingResult);
        display.SendCommand(MessageType.Reboot, []);
        session.Poll(1);

        Assert.Equal(AckStatus.Busy, display.AcksFromDevice.Single().Status);
        display.AcknowledgeResult(DeviceId, 1);
        session.Poll(2);
        Assert.True(session.QueueResult(new ScanAnalysis(), window, 2));
        session.Poll(3);
        Assert.Equal([1u, 2u], display.ResultCounters);
        Assert.Equal(display.ResultPayloads[0].Length, display.ResultPayloads[1].Length);
    }

    [Fact]
    public void TheLongestSetConfigTheProtocolAllowsIsTakenAndAnswered()
    {
        // The device's receive buffer is sized for it: the longest key and value, nothing more.
        var (session, display) = Connected(capacity: 1);
        var config = new SetConfigMessage();
        config.Set(new string('k', SetConfigMessage.MaxKeyBytes), new string('v', SetConfigMessage.MaxValueBytes));
        var payload = new byte[2 + SetConfigMessage.MaxKeyBytes + SetConfigMessage.MaxValueBytes];
        Assert.Equal(payload.Length, config.EncodePayload(payload, 0, payload.Length));
        uint sequence = display.SendCommand(MessageType.SetConfig, payload);
        session.Poll(1);

        Assert.Equal([(sequence, AckStatus.UnknownKey)], display.AcksFromDevice);
    }

    private static MatLinkSession Session(byte[]? key, int capacity = 4) =>
        new(DeviceId, Mat, new ResultOutbox(capacity, capacity * ResultMessage.MaxPayloadBytes(Mat.SenselCount)), firstResultCounter: 1, key);

    private static (MatLinkSession Session, ScriptedDisplayTransport Display) Connected(int capacity, bool ackHello = true)
    {
        var session = Session(null, capacity);
        var display = new ScriptedDisplayTransport { AcksHello = ackHello };
        session.Connect(display, 0);
        if (ackHello)
        {
            session.Poll(0);
            Assert.True(session.Paired);
        }
        return (session, display);
    }
}

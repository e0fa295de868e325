using System.Reflection;
using Kiosk.Mat.SelfTest;
using Kiosk.Tests;

namespace Kiosk.Mat.Tests.Protocol;

/// <summary>Every message survives encode then decode with every field, and its decoder refuses every truncation.</summary>
public class MessageRoundTripTests
{
    private const int MaxSensels = 16 * 16;

    /// <summary>A frame of loads: mostly zero, some negative (sent as 0), some above the maximum (saturated).</summary>
    private static readonly Gen<(int Rows, int Cols, int[] Loads)> Loads =
        Gen.Select(Gen.Int[2, 12], Gen.Int[2, 12]).SelectMany((rows, cols) =>
            Gen.Frequency(
                (6, Gen.Const(0)),
                (3, Gen.Int[1, 5000]),
                (1, Gen.Int)).Array[rows * cols].Select(loads => (rows, cols, loads)));

    /// <summary>What a sender's loads read back as: negatives as 0, large values saturated.</summary>
    private static int[] AsSent(int[] loads) =>
        loads.Select(g => Math.Clamp(g, 0, SparseLoads.MaxLoadGrams)).ToArray();

    [Fact]
    public void ResultRoundTripsEveryField()
    {
        var gen = Gen.Select(Gen.Long, Gen.UInt, Gen.Int.Array[64], Gen.Bool, Loads);
        gen.Sample((deviceId, counter, values, withFrame, frame) =>
        {
            var sent = new ResultMessage(MaxSensels) { DeviceId = deviceId, ResultCounter = counter, HasSummedFrame = withFrame };
            FillEveryField(sent.Analysis, values);
            (sent.Rows, sent.Cols) = (frame.Rows, frame.Cols);
            frame.Loads.CopyTo(sent.SummedLoadGrams, 0);

            var received = new ResultMessage(MaxSensels);
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

            Assert.Equal(deviceId, received.DeviceId);
            Assert.Equal(counter, received.ResultCounter);
            AssertSameFields(sent.Analysis, received.Analysis);
            Assert.Equal(withFrame, received.HasSummedFrame);
            Assert.Equal(ResultMessage.FixedPayloadBytes, withFrame ? payload.Length - SparseBytes(payload) : payload.Length);
            Assert.True(payload.Length <= ResultMessage.MaxPayloadBytes(frame.Rows * frame.Cols));
            if (withFrame)
            {
                Assert.Equal((frame.Rows, frame.Cols), (received.Rows, received.Cols));
                Assert.Equal(AsSent(frame.Loads), received.SummedLoadGrams[..(frame.Rows * frame.Cols)]);
            }
            AssertEveryTruncationRejected(payload, received.DecodePayload);
        }, iter: 10_000);
    }

    [Fact]
    public void ResultTooLargeForItsBufferIsSentWithoutTheSummedFrame()
    {
        var sent = new ResultMessage(MaxSensels) { DeviceId = 42, ResultCounter = 7, HasSummedFrame = true, Rows = 16, Cols = 16 };
        Array.Fill(sent.SummedLoadGrams, 1000);
        sent.Analysis.TotalLoadGrams = 70_000;
        var buffer = new byte[300];
        int length = sent.EncodePayload(buffer, 0, buffer.Length);

        var received = new ResultMessage(MaxSensels);
        Assert.True(length > 0);
        Assert.True(received.DecodePayload(buffer, 0, length));
        Assert.False(received.HasSummedFrame);
        Assert.Equal(70_000, received.Analysis.TotalLoadGrams);
        Assert.Equal(-1, sent.EncodePayload(buffer, 0, 100));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(16, 17)]
    public void ResultWithAnInvalidSummedFrameIsSentWithoutIt(int rows, int cols)
    {
        var sent = new ResultMessage(MaxSensels) { DeviceId = 1, ResultCounter = 2, HasSummedFrame = true, Rows = rows, Cols = cols };
        var buffer = new byte[4096];
        int length = sent.EncodePayload(buffer, 0, buffer.Length);

        var received = new ResultMessage(MaxSensels);
        Assert.True(received.DecodePayload(buffer, 0, length));
        Assert.False(received.HasSummedFrame);
        Assert.Equal(-1, new FrameMessage(0) { Rows = rows, Cols = cols, LoadGrams = new int[MaxSensels] }.EncodePayload(buffer, 0, buffer.Length));
    }

    [Fact]
    public void FrameRoundTripsWithLoadsSaturatingAtTheMaximum()
    {
        Gen.Select(Gen.UInt, Loads).Sample((capturedAtMs, frame) =>
        {
            var sent = new FrameMessage(0) { CapturedAtMs = capturedAtMs, Rows = frame.Rows, Cols = frame.Cols, LoadGrams = frame.Loads };
            var received = new FrameMessage(MaxSensels);
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

            Assert.Equal(capturedAtMs, received.CapturedAtMs);
            Assert.Equal((frame.Rows, frame.Cols), (received.Rows, received.Cols));
            Assert.Equal(AsSent(frame.Loads), received.LoadGrams[..(frame.Rows * frame.Cols)]);
            Assert.True(payload.Length <= 4 + SparseLoads.MaxBytes(frame.Rows * frame.Cols));
            AssertEveryTruncationRejected(payload, received.DecodePayload);
        }, iter: 30_000);
    }

    [Fact]
    public void FrameLargerThanTheReceiverCanHoldIsRejected()
    {
        var sent = new FrameMessage(0) { Rows = 20, Cols = 20, LoadGrams = new int[400] };
        var buffer = new byte[64];
        int length = sent.EncodePayload(buffer, 0, buffer.Length);
        Assert.False(new FrameMessage(MaxSensels).DecodePayload(buffer, 0, length));
    }

    [Fact]
    public void HelloRoundTrips()
    {
        var gen = Gen.Select(Gen.Long, Gen.Int[0, 255], Gen.Int[0, 65535], Gen.Int[2, 256], Gen.Int[1000, 50000], Gen.UInt, Gen.Byte.Array[0, 32]);
        gen.Sample((deviceId, minor, patch, side, pitchUm, calibrationId, proof) =>
        {
            var sent = new HelloMessage
            {
                DeviceId = deviceId, FirmwareMajor = 1, FirmwareMinor = minor, FirmwarePatch = patch,
                Rows = side, Cols = 258 - side, PitchUm = pitchUm, CalibrationId = calibrationId,
                ProofKind = HelloMessage.ProofNone, ProofLength = proof.Length,
            };
            proof.CopyTo(sent.Proof, 0);
            var received = new HelloMessage();
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

            Assert.Equal((deviceId, 1, minor, patch), (received.DeviceId, received.FirmwareMajor, received.FirmwareMinor, received.FirmwarePatch));
            Assert.Equal((side, 258 - side, pitchUm, calibrationId), (received.Rows, received.Cols, received.PitchUm, received.CalibrationId));
            Assert.Equal(proof, received.Proof[..received.ProofLength]);
            AssertEveryTruncationRejected(payload, received.DecodePayload);
        }, iter: 20_000);
    }

    [Fact]
    public void StatusRoundTrips()
    {
        var gen = Gen.Select(Gen.UInt, Gen.UInt, Gen.Int[0, 65535], Gen.Int[0, 65535], Gen.Int[-128, 0], Gen.Int[0, 255], Gen.Bool, Gen.UInt);
        gen.Sample((uptime, free, rate, dead, rssi, pending, full, dropped) =>
        {
            var sent = new StatusMessage
            {
                UptimeSeconds = uptime, FreeMemoryBytes = free, FrameRateHzX10 = rate, DeadSenselCount = dead, RssiDbm = rssi,
                OutboxPending = pending, Flags = full ? StatusMessage.FlagOutboxFull : 0, FramesDropped = dropped,
            };
            var received = new StatusMessage();
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

            Assert.Equal((uptime, free, rate, dead), (received.UptimeSeconds, received.FreeMemoryBytes, received.FrameRateHzX10, received.DeadSenselCount));
            Assert.Equal((rssi, pending, full, dropped), (received.RssiDbm, received.OutboxPending, received.OutboxFull, received.FramesDropped));
            AssertEveryTruncationRejected(payload, received.DecodePayload);
        }, iter: 20_000);
    }

    [Fact]
    public void AckRoundTrips()
    {
        Gen.Select(Gen.UInt, Gen.Int[0, (int)AckStatus.Max].Select(s => (AckStatus)s), Gen.Bool, Gen.Long, Gen.UInt).Sample((sequence, status, hasId, deviceId, counter) =>
        {
            var sent = new AckMessage { AckedSequence = sequence, Status = status, HasResultId = hasId, DeviceId = deviceId, ResultCounter = counter };
            var received = new AckMessage();
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

            Assert.Equal((sequence, status, hasId, deviceId, counter),
                (received.AckedSequence, received.Status, received.HasResultId, received.DeviceId, received.ResultCounter));
            AssertEveryTruncationRejected(payload, received.DecodePayload);
        }, iter: 20_000);
    }

    [Fact]
    public void CommandsRoundTrip()
    {
        var key = Gen.Char['!', '~'].Array[1, SetConfigMessage.MaxKeyBytes].Select(c => new string(c));
        var value = Gen.Char[' ', '~'].Array[0, SetConfigMessage.MaxValueBytes].Select(c => new string(c));
        Gen.Select(key, value, Gen.Int[CalibrateGainMessage.MinKnownWeightGrams, CalibrateGainMessage.MaxKnownWeightGrams]).Sample((k, v, grams) =>
        {
            var sent = new SetConfigMessage();
            sent.Set(k, v);
            var received = new SetConfigMessage();
            byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);
            Assert.True(received.KeyIs(k));
            Assert.Equal(v, System.Text.Encoding.ASCII.GetString(received.Value, 0, received.ValueLength));
            AssertEveryTruncationRejected(payload, received.DecodePayload);

            var gain = new CalibrateGainMessage { KnownWeightGrams = grams };
            var gainReceived = new CalibrateGainMessage();
            RoundTrip(gain.EncodePayload, gainReceived.DecodePayload);
            Assert.Equal(grams, gainReceived.KnownWeightGrams);
        }, iter: 20_000);
    }

    [Theory]
    [InlineData(CalibrateGainMessage.MinKnownWeightGrams - 1)]
    [InlineData(CalibrateGainMessage.MaxKnownWeightGrams + 1)]
    [InlineData(0)]
    public void AKnownWeightOutsideItsRangeIsRefusedByTheDevice(int grams)
    {
        var buffer = new byte[16];
        int length = new CalibrateGainMessage { KnownWeightGrams = grams }.EncodePayload(buffer, 0, buffer.Length);
        Assert.False(new CalibrateGainMessage().DecodePayload(buffer, 0, length));
    }

    [Fact]
    public void SenselMapRoundTripsEveryStatusAndRefusesAnUnknownOne()
    {
        var sent = new SenselMapMessage(48 * 48) { Rows = 48, Cols = 48 };
        sent.Statuses[0] = (byte)SenselStatus.Stuck;
        sent.Statuses[47] = (byte)SenselStatus.Dead;
        for (int row = 0; row < 48; row++)
        {
            sent.Statuses[row * 48 + 30] = (byte)SenselStatus.OnOpenLine;
        }
        sent.Statuses[48 * 48 - 1] = (byte)SenselStatus.OnShortedLine;
        var received = new SenselMapMessage(48 * 48);
        byte[] payload = RoundTrip(sent.EncodePayload, received.DecodePayload);

        Assert.Equal((48, 48), (received.Rows, received.Cols));
        Assert.Equal(sent.Statuses, received.Statuses);
        Assert.True(payload.Length < 200, $"{payload.Length} bytes: a map of a few faults stays small");
        AssertEveryTruncationRejected(payload, received.DecodePayload);
        Assert.False(new SenselMapMessage(47 * 48).DecodePayload(payload, 0, payload.Length)); // larger than the receiver's grid

        sent.Statuses[5] = (byte)(SenselStatus.Max + 1);
        int length = sent.EncodePayload(payload = new byte[4096], 0, payload.Length);
        Assert.False(received.DecodePayload(payload, 0, length));
    }

    [Fact]
    public void MessageDecodersNeverThrowOnRandomPayloads()
    {
        var decoders = new EveryMessageDecoder(MaxSensels);
        Gen.Byte.Array[0, 200].Sample(decoders.DecodeAll, iter: 50_000, threads: 1);
    }

    /// <summary>Bytes of the sparse block at the end of a result payload, found by reading it.</summary>
    private static int SparseBytes(byte[] payload)
    {
        var reader = new PayloadReader(payload, ResultMessage.FixedPayloadBytes, payload.Length - ResultMessage.FixedPayloadBytes);
        Assert.True(SparseLoads.Read(ref reader, new int[MaxSensels], out _, out _) > 0);
        return payload.Length - ResultMessage.FixedPayloadBytes - reader.Remaining;
    }

    private delegate int Encoder(byte[] buffer, int offset, int capacity);

    private delegate bool Decoder(byte[] buffer, int offset, int count);

    /// <summary>Encodes at an offset into a buffer with slack, decodes from there, and returns the payload bytes.</summary>
    private static byte[] RoundTrip(Encoder encode, Decoder decode)
    {
        var buffer = new byte[4096];
        int length = encode(buffer, 3, buffer.Length - 3);
        Assert.True(length >= 0, "the message fits");
        Assert.True(decode(buffer, 3, length), "the decoder accepts what the encoder wrote");
        return buffer[3..(3 + length)];
    }

    /// <summary>Every cut of a short payload; about 40 cuts of a long one (always the last byte missing), to keep CI fast.</summary>
    private static void AssertEveryTruncationRejected(byte[] payload, Decoder decode)
    {
        int step = Math.Max(1, payload.Length / 32);
        for (int length = 0; length < payload.Length; length = length + step < payload.Length - 8 ? length + step : length + 1)
        {
            Assert.False(decode(payload, 0, length), $"a payload cut to {length} of {payload.Length} bytes is refused");
        }
    }

    /// <summary>Sets every public field of the analysis and both feet, found by reflection, so a new field cannot be forgotten.</summary>
    private static void FillEveryField(ScanAnalysis analysis, int[] values)
    {
        int next = 0;
        foreach (object target in new object[] { analysis, analysis.Left, analysis.Right })
        {
            foreach (FieldInfo field in Fields(target))
            {
                int value = values[next++];
                object boxed = field.FieldType == typeof(int) ? value
                    : field.FieldType == typeof(bool) ? (value & 1) == 1
                    : field.FieldType == typeof(ArchType) ? (ArchType)((uint)value % 4)
                    : field.FieldType == typeof(QualityIssue) ? (QualityIssue)value
                    : throw new InvalidOperationException($"no generator for {field.FieldType} {field.Name}");
                field.SetValue(target, boxed);
            }
        }
    }

    private static void AssertSameFields(ScanAnalysis expected, ScanAnalysis actual)
    {
        foreach (var (e, a) in new[] { ((object)expected, (object)actual), (expected.Left, actual.Left), (expected.Right, actual.Right) })
        {
            foreach (FieldInfo field in Fields(e))
            {
                Assert.True(Equals(field.GetValue(e), field.GetValue(a)), $"{e.GetType().Name}.{field.Name} differs");
            }
        }
    }

    private static IEnumerable<FieldInfo> Fields(object target) =>
        target.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly);
}

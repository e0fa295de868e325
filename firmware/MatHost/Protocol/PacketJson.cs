using System.Buffers;
using System.Text;
using System.Text.Json;
using Kiosk.Mat.Host.Json;
using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Host.Protocol;

/// <summary>
/// Decoded packets as one JSON object per line, the output of <c>matctl decode</c>: <c>type</c> and <c>seq</c>, then the
/// message's fields in plain units. A Result carries its analysis in the <see cref="AnalysisReport"/> shape, so a
/// result read off the wire compares directly with <c>matctl analyze --json</c>. Not thread-safe: it reuses its
/// message objects.
/// </summary>
public sealed class PacketJson
{
    private readonly HelloMessage _hello = new();
    private readonly FrameMessage _frame = new(SparseLoads.MaxSide * SparseLoads.MaxSide);
    private readonly ResultMessage _result = new(SparseLoads.MaxSide * SparseLoads.MaxSide);
    private readonly StatusMessage _status = new();
    private readonly AckMessage _ack = new();
    private readonly CalibrateGainMessage _gain = new();
    private readonly ChallengeMessage _challenge = new();
    private readonly SenselMapMessage _senselMap = new(SparseLoads.MaxSide * SparseLoads.MaxSide);
    private readonly SetConfigMessage _config = new();
    private readonly ArrayBufferWriter<byte> _output = new();

    /// <summary>The id the display stores a result under: device id in hex, a dash, the counter in decimal.</summary>
    public static string ResultId(long deviceId, uint counter) => $"{DeviceIdText(deviceId)}-{counter}";

    /// <summary>Device ids print as 12 hex digits, the ESP32's MAC; larger ids print all 16.</summary>
    public static string DeviceIdText(long deviceId) => deviceId.ToString("x12");

    /// <summary>The analysis of a decoded result, in the JSON shape <c>matctl analyze --json</c> prints.</summary>
    public static AnalysisReport ToReport(ResultMessage result) => AnalysisReport.From(result.Analysis);

    public static string RejectedLine(long streamOffset, long byteCount) =>
        $"{{\"rejected\":{byteCount},\"offset\":{streamOffset}}}";

    public string ToJsonLine(DecodedPacket packet)
    {
        _output.Clear();
        using (var json = new Utf8JsonWriter(_output))
        {
            json.WriteStartObject();
            json.WriteString("type", packet.Type.Name());
            json.WriteNumber("seq", packet.Sequence);
            if (!WriteFields(json, packet))
            {
                json.WriteBoolean("malformed", true);
                json.WriteNumber("payloadBytes", packet.PayloadLength);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_output.WrittenSpan);
    }

    /// <summary>Writes the message's fields; false when the payload does not decode as its type says.</summary>
    private bool WriteFields(Utf8JsonWriter json, DecodedPacket packet)
    {
        byte[] buffer = packet.Buffer;
        int offset = packet.PayloadOffset;
        int length = packet.PayloadLength;
        switch (packet.Type)
        {
            case MessageType.Hello:
                if (!_hello.DecodePayload(buffer, offset, length)) return false;
                json.WriteString("deviceId", DeviceIdText(_hello.DeviceId));
                json.WriteString("firmware", $"{_hello.FirmwareMajor}.{_hello.FirmwareMinor}.{_hello.FirmwarePatch}");
                json.WriteNumber("rows", _hello.Rows);
                json.WriteNumber("cols", _hello.Cols);
                json.WriteNumber("pitchUm", _hello.PitchUm);
                json.WriteNumber("calibrationId", _hello.CalibrationId);
                json.WriteNumber("proofKind", _hello.ProofKind);
                json.WriteString("proof", Convert.ToHexString(_hello.Proof, 0, _hello.ProofLength).ToLowerInvariant());
                return true;
            case MessageType.Frame:
                if (!_frame.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("capturedAtMs", _frame.CapturedAtMs);
                WriteLoads(json, _frame.Rows, _frame.Cols, _frame.LoadGrams);
                return true;
            case MessageType.Result:
                if (!_result.DecodePayload(buffer, offset, length)) return false;
                json.WriteString("resultId", ResultId(_result.DeviceId, _result.ResultCounter));
                json.WriteString("deviceId", DeviceIdText(_result.DeviceId));
                json.WriteNumber("counter", _result.ResultCounter);
                json.WritePropertyName("analysis");
                JsonSerializer.Serialize(json, ToReport(_result), AnalysisReport.JsonOptions);
                json.WritePropertyName("summedFrame");
                if (_result.HasSummedFrame)
                {
                    json.WriteStartObject();
                    WriteLoads(json, _result.Rows, _result.Cols, _result.SummedLoadGrams);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }
                return true;
            case MessageType.Status:
                if (!_status.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("uptimeS", _status.UptimeSeconds);
                json.WriteNumber("freeMemoryBytes", _status.FreeMemoryBytes);
                json.WriteNumber("frameRateHz", _status.FrameRateHzX10 / 10.0);
                json.WriteNumber("deadSensels", _status.DeadSenselCount);
                if (_status.RssiDbm == StatusMessage.RssiNone) json.WriteNull("rssiDbm");
                else json.WriteNumber("rssiDbm", _status.RssiDbm);
                json.WriteNumber("outboxPending", _status.OutboxPending);
                json.WriteBoolean("outboxFull", _status.OutboxFull);
                json.WriteNumber("framesDropped", _status.FramesDropped);
                return true;
            case MessageType.Ack:
                if (!_ack.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("ackedSeq", _ack.AckedSequence);
                json.WriteString("status", _ack.Status.Name());
                if (_ack.HasResultId) json.WriteString("resultId", ResultId(_ack.DeviceId, _ack.ResultCounter));
                else json.WriteNull("resultId");
                return true;
            case MessageType.CalibrateGain:
                if (!_gain.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("knownWeightG", _gain.KnownWeightGrams);
                return true;
            case MessageType.SetConfig:
                if (!_config.DecodePayload(buffer, offset, length)) return false;
                json.WriteString("key", Encoding.ASCII.GetString(_config.Key, 0, _config.KeyLength));
                json.WriteString("value", Encoding.UTF8.GetString(_config.Value, 0, _config.ValueLength));
                return true;
            case MessageType.SenselMap:
                if (!_senselMap.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("rows", _senselMap.Rows);
                json.WriteNumber("cols", _senselMap.Cols);
                json.WriteStartArray("faults");
                for (int i = 0; i < _senselMap.Rows * _senselMap.Cols; i++)
                {
                    if (_senselMap.Statuses[i] == 0) continue;
                    json.WriteStartArray();
                    json.WriteNumberValue(i);
                    json.WriteNumberValue(_senselMap.Statuses[i]);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                return true;
            case MessageType.Challenge:
                if (!_challenge.DecodePayload(buffer, offset, length)) return false;
                json.WriteNumber("helloSeq", _challenge.HelloSequence);
                json.WriteString("nonce", Convert.ToHexString(_challenge.Nonce).ToLowerInvariant());
                return true;
            case MessageType.CalibrateZero:
            case MessageType.Reboot:
                return length == 0;
            default:
                json.WriteNumber("typeByte", (byte)packet.Type);
                json.WriteNumber("payloadBytes", length);
                return true;
        }
    }

    /// <summary>Loads as [index, grams] pairs of the loaded sensels only, index = row * cols + col.</summary>
    private static void WriteLoads(Utf8JsonWriter json, int rows, int cols, int[] loadGrams)
    {
        json.WriteNumber("rows", rows);
        json.WriteNumber("cols", cols);
        long total = 0;
        int loaded = 0;
        for (int i = 0; i < rows * cols; i++)
        {
            if (loadGrams[i] > 0)
            {
                total += loadGrams[i];
                loaded++;
            }
        }
        json.WriteNumber("loadedSensels", loaded);
        json.WriteNumber("totalLoadG", total);
        json.WriteStartArray("loadsG");
        for (int i = 0; i < rows * cols; i++)
        {
            if (loadGrams[i] > 0)
            {
                json.WriteStartArray();
                json.WriteNumberValue(i);
                json.WriteNumberValue(loadGrams[i]);
                json.WriteEndArray();
            }
        }
        json.WriteEndArray();
    }
}

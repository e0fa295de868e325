using Kiosk.Mat.Protocol;

namespace Kiosk.Tests;

/// <summary>
/// One decoder of each of the protocol's messages, for fuzzing: <see cref="DecodeAll"/> hands the same bytes to every
/// one of them. What they decode does not matter, only that none throws or reads past the end: the reader's bounds
/// are the proof. A message added to the protocol is added here, and every fuzz test feeds it.
/// </summary>
public sealed class EveryMessageDecoder(int maxSensels)
{
    private readonly HelloMessage _hello = new();
    private readonly FrameMessage _frame = new(maxSensels);
    private readonly ResultMessage _result = new(maxSensels);
    private readonly StatusMessage _status = new();
    private readonly SenselMapMessage _map = new(maxSensels);
    private readonly AckMessage _ack = new();
    private readonly ChallengeMessage _challenge = new();
    private readonly CalibrateGainMessage _gain = new();
    private readonly SetConfigMessage _config = new();

    public void DecodeAll(byte[] payload)
    {
        _hello.DecodePayload(payload, 0, payload.Length);
        _frame.DecodePayload(payload, 0, payload.Length);
        _result.DecodePayload(payload, 0, payload.Length);
        _status.DecodePayload(payload, 0, payload.Length);
        _map.DecodePayload(payload, 0, payload.Length);
        _ack.DecodePayload(payload, 0, payload.Length);
        _challenge.DecodePayload(payload, 0, payload.Length);
        _gain.DecodePayload(payload, 0, payload.Length);
        _config.DecodePayload(payload, 0, payload.Length);
    }
}

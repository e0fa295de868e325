using Kiosk.Mat.Protocol;

namespace Kiosk.Display.MatLink;

/// <summary>
/// The technician commands sent on one link whose Ack has not come yet, by the sequence they went out with, so the
/// mat's Ack can be reported as the answer to a named command. Only commands are filed: the display's own answers
/// (Ack) and its question (Challenge) await nothing.
/// </summary>
internal sealed class CommandsAwaitingAck
{
    /// <summary>Commands remembered at most; a device that never acks cannot grow this.</summary>
    private const int MaxCommandsAwaitingAck = 32;

    private readonly Dictionary<uint, MessageType> _bySequence = [];

    /// <summary>The display-to-device commands of docs/protocol.md ("Messages"); the Challenge is not one.</summary>
    public static bool IsCommand(MessageType type) =>
        type is MessageType.CalibrateZero or MessageType.CalibrateGain or MessageType.SetConfig or MessageType.Reboot;

    /// <summary>Files a packet about to be sent, if it is a command.</summary>
    public void Sent(uint sequence, MessageType type)
    {
        if (!IsCommand(type))
        {
            return;
        }
        lock (_bySequence)
        {
            if (_bySequence.Count >= MaxCommandsAwaitingAck)
            {
                _bySequence.Clear();
            }
            _bySequence[sequence] = type;
        }
    }

    /// <summary>The command the device's Ack of <paramref name="sequence"/> answers; false for an ack of nothing awaited.</summary>
    public bool TryTake(uint sequence, out MessageType command)
    {
        lock (_bySequence)
        {
            return _bySequence.Remove(sequence, out command);
        }
    }
}

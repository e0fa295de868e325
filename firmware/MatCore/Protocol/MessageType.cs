namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The type byte of a packet (docs/protocol.md, "Messages"). Device-to-display types are below 0x10,
    /// display-to-device commands from 0x10, so a sniffer can tell the direction from one byte. A decoded packet
    /// may carry a value that is none of these (a newer device's type): <see cref="MessageTypeNames.Name"/> says "unknown".
    /// </summary>
    public enum MessageType : byte
    {
        Hello = 0x01,
        Frame = 0x02,
        Result = 0x03,
        Status = 0x04,

        /// <summary>Sent both ways: the display acknowledges results and hellos, the device acknowledges commands.</summary>
        Ack = 0x05,

        /// <summary>The self-test's finding per sensel, for the technician's dead-sensel map.</summary>
        SenselMap = 0x06,

        CalibrateZero = 0x10,
        CalibrateGain = 0x11,
        SetConfig = 0x12,
        Reboot = 0x13,

        /// <summary>The display's answer to a paired device's Hello: prove the pairing key over this nonce.</summary>
        Challenge = 0x14,
    }

    /// <summary>
    /// The names of <see cref="MessageType"/> values. An enum's ToString() on nanoFramework gives its number, so
    /// the names are spelled out here, once.
    /// </summary>
    public static class MessageTypeNames
    {
        /// <summary>The stable lower-case name the JSON of <c>matctl decode</c> and the technician's log use.</summary>
        public static string Name(this MessageType type)
        {
            switch (type)
            {
                case MessageType.Hello: return "hello";
                case MessageType.Frame: return "frame";
                case MessageType.Result: return "result";
                case MessageType.Status: return "status";
                case MessageType.Ack: return "ack";
                case MessageType.SenselMap: return "sensel-map";
                case MessageType.CalibrateZero: return "calibrate-zero";
                case MessageType.CalibrateGain: return "calibrate-gain";
                case MessageType.SetConfig: return "set-config";
                case MessageType.Reboot: return "reboot";
                case MessageType.Challenge: return "challenge";
                default: return "unknown";
            }
        }
    }
}

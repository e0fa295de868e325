namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The type byte of a packet (docs/protocol.md, "Messages"). Device-to-display types are below 0x10,
    /// display-to-device commands from 0x10, so a sniffer can tell the direction from one byte.
    /// </summary>
    public static class MessageType
    {
        public const byte Hello = 0x01;
        public const byte Frame = 0x02;
        public const byte Result = 0x03;
        public const byte Status = 0x04;

        /// <summary>Sent both ways: the display acknowledges results and hellos, the device acknowledges commands.</summary>
        public const byte Ack = 0x05;

        /// <summary>The self-test's finding per sensel, for the technician's dead-sensel map.</summary>
        public const byte SenselMap = 0x06;

        public const byte CalibrateZero = 0x10;
        public const byte CalibrateGain = 0x11;
        public const byte SetConfig = 0x12;
        public const byte Reboot = 0x13;

        /// <summary>The display's answer to a paired device's Hello: prove the pairing key over this nonce.</summary>
        public const byte Challenge = 0x14;

        /// <summary>The stable lower-case name the JSON of <c>matctl decode</c> uses.</summary>
        public static string Name(byte type)
        {
            switch (type)
            {
                case Hello: return "hello";
                case Frame: return "frame";
                case Result: return "result";
                case Status: return "status";
                case Ack: return "ack";
                case SenselMap: return "sensel-map";
                case CalibrateZero: return "calibrate-zero";
                case CalibrateGain: return "calibrate-gain";
                case SetConfig: return "set-config";
                case Reboot: return "reboot";
                case Challenge: return "challenge";
                default: return "unknown";
            }
        }
    }
}

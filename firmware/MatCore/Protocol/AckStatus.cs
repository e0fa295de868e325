namespace Kiosk.Mat.Protocol
{
    /// <summary>What an <see cref="AckMessage"/> says about the packet it acknowledges.</summary>
    public static class AckStatus
    {
        public const int Ok = 0;

        /// <summary>The display does not know this device (not paired): it drops the device's data.</summary>
        public const int UnknownDevice = 1;

        /// <summary>SetConfig named a key the device does not have.</summary>
        public const int UnknownKey = 2;

        /// <summary>A command's value is out of range (a zero weight, a value the key cannot take).</summary>
        public const int BadValue = 3;

        /// <summary>The device cannot do it now (calibrating with a shopper on the mat).</summary>
        public const int Busy = 4;

        /// <summary>The Hello's pairing proof is wrong: the device holds another key than the display paired it with.</summary>
        public const int BadProof = 5;

        public const int Max = BadProof;

        public static string Name(int status)
        {
            switch (status)
            {
                case Ok: return "ok";
                case UnknownDevice: return "unknown-device";
                case UnknownKey: return "unknown-key";
                case BadValue: return "bad-value";
                case Busy: return "busy";
                case BadProof: return "bad-proof";
                default: return "unknown";
            }
        }
    }
}

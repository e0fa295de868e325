namespace Kiosk.Mat.Protocol
{
    /// <summary>What an <see cref="AckMessage"/> says about the packet it acknowledges (one byte on the wire).</summary>
    public enum AckStatus : byte
    {
        Ok = 0,

        /// <summary>The display does not know this device (not paired): it drops the device's data.</summary>
        UnknownDevice = 1,

        /// <summary>SetConfig named a key the device does not have.</summary>
        UnknownKey = 2,

        /// <summary>A command's value is out of range (a zero weight, a value the key cannot take).</summary>
        BadValue = 3,

        /// <summary>The device cannot do it now (calibrating with a shopper on the mat).</summary>
        Busy = 4,

        /// <summary>The Hello's pairing proof is wrong: the device holds another key than the display paired it with.</summary>
        BadProof = 5,

        /// <summary>The largest status; the decoder refuses an ack with any other.</summary>
        Max = BadProof,
    }

    /// <summary>The names of <see cref="AckStatus"/> values (an enum's ToString() on nanoFramework gives its number).</summary>
    public static class AckStatusNames
    {
        /// <summary>Indexed by the status's value: the statuses run from 0 without gaps.</summary>
        private static readonly string[] Names = { "ok", "unknown-device", "unknown-key", "bad-value", "busy", "bad-proof" };

        public static string Name(this AckStatus status)
        {
            return (int)status < Names.Length ? Names[(int)status] : "unknown";
        }
    }
}

namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// Command (type <see cref="MessageType.CalibrateGain"/>): a known weight stands on the mat; scale the
    /// per-sensel gains so the total reads it. Its siblings CalibrateZero and Reboot have empty payloads.
    /// </summary>
    public sealed class CalibrateGainMessage
    {
        /// <summary>Lighter than a 1 kg test weight spreads over too few sensels above their noise to set the gains.</summary>
        public const int MinKnownWeightGrams = 1000;

        /// <summary>Heavier than any test weight a store has (200 kg); more is taken as a typo.</summary>
        public const int MaxKnownWeightGrams = 200000;

        /// <summary>The one check of a known weight: the device decodes by it, the display sends by it.</summary>
        public static bool IsKnownWeight(int grams)
        {
            return grams >= MinKnownWeightGrams && grams <= MaxKnownWeightGrams;
        }

        public int KnownWeightGrams;

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.I32(KnownWeightGrams);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            KnownWeightGrams = reader.I32();
            return reader.EndedCleanly && IsKnownWeight(KnownWeightGrams);
        }
    }
}

namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The display's answer to the Hello of a paired device (type <see cref="MessageType.Challenge"/>): prove you
    /// hold this device's pairing key by sending the Hello again with the proof over this nonce
    /// (<see cref="Pairing.PairingProof"/>). A new nonce on every connection.
    /// </summary>
    public sealed class ChallengeMessage
    {
        public const int PayloadBytes = 4 + Pairing.PairingProof.NonceBytes;

        /// <summary>The sequence of the Hello this answers.</summary>
        public uint HelloSequence;

        public readonly byte[] Nonce = new byte[Pairing.PairingProof.NonceBytes];

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.U32(HelloSequence);
            writer.Bytes(Nonce, 0, Nonce.Length);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            HelloSequence = reader.U32();
            reader.Bytes(Nonce, 0, Nonce.Length);
            return reader.EndedCleanly;
        }
    }
}

namespace Kiosk.Mat.Pairing
{
    /// <summary>
    /// The answer to a display's Challenge (docs/protocol.md, "Pairing"): HMAC-SHA256 keyed with the mat's
    /// <see cref="PairingKey"/> over the label "kiosk-mat-pair-1", the device id (8 bytes, little-endian) and the
    /// display's 16-byte nonce. The mat computes it to prove it holds the key; the display computes it to check.
    /// A fresh nonce per connection means a recorded proof is worth nothing on the next one.
    /// </summary>
    public sealed class PairingProof
    {
        public const int NonceBytes = 16;
        public const int ProofBytes = HmacSha256.MacBytes;

        /// <summary>"kiosk-mat-pair-1" in ASCII: names what the MAC is for, so the key's MAC of anything else is no proof.</summary>
        private static readonly byte[] Label =
        {
            0x6b, 0x69, 0x6f, 0x73, 0x6b, 0x2d, 0x6d, 0x61, 0x74, 0x2d, 0x70, 0x61, 0x69, 0x72, 0x2d, 0x31,
        };

        private readonly HmacSha256 _mac;
        private readonly byte[] _message = new byte[Label.Length + 8 + NonceBytes];

        public PairingProof(byte[] key)
        {
            _mac = new HmacSha256(key, 0, PairingKey.KeyBytes);
            System.Array.Copy(Label, 0, _message, 0, Label.Length);
        }

        /// <summary>Writes the 32-byte proof for this device and nonce.</summary>
        public void Compute(long deviceId, byte[] nonce, int nonceOffset, byte[] proof, int proofOffset)
        {
            int position = Label.Length;
            for (int i = 0; i < 8; i++)
            {
                _message[position++] = (byte)(deviceId >> (8 * i));
            }
            System.Array.Copy(nonce, nonceOffset, _message, position, NonceBytes);
            _mac.Compute(_message, 0, _message.Length, proof, proofOffset);
        }
    }
}

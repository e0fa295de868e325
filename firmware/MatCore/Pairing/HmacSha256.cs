namespace Kiosk.Mat.Pairing
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104) over <see cref="Sha256"/>, keyed once. The pads are kept, so each message costs two
    /// hash passes and no allocation.
    /// </summary>
    public sealed class HmacSha256
    {
        public const int MacBytes = Sha256.HashBytes;

        private readonly Sha256 _hash = new Sha256();
        private readonly byte[] _innerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _outerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _innerDigest = new byte[Sha256.HashBytes];

        public HmacSha256(byte[] key, int offset, int count)
        {
            byte[] blockKey = new byte[Sha256.BlockBytes];
            if (count > Sha256.BlockBytes)
            {
                // RFC 2104: a key longer than a block is hashed first.
                _hash.Update(key, offset, count);
                _hash.Final(blockKey, 0);
            }
            else
            {
                System.Array.Copy(key, offset, blockKey, 0, count);
            }
            for (int i = 0; i < Sha256.BlockBytes; i++)
            {
                _innerPad[i] = (byte)(blockKey[i] ^ 0x36);
                _outerPad[i] = (byte)(blockKey[i] ^ 0x5c);
            }
        }

        /// <summary>Writes the 32-byte MAC of <paramref name="message"/>[offset, offset + count).</summary>
        public void Compute(byte[] message, int offset, int count, byte[] mac, int macOffset)
        {
            _hash.Reset();
            _hash.Update(_innerPad, 0, _innerPad.Length);
            _hash.Update(message, offset, count);
            _hash.Final(_innerDigest, 0);
            _hash.Update(_outerPad, 0, _outerPad.Length);
            _hash.Update(_innerDigest, 0, _innerDigest.Length);
            _hash.Final(mac, macOffset);
        }
    }
}

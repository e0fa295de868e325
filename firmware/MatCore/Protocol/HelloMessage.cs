namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The device introduces itself after every connect (type <see cref="MessageType.Hello"/>): who it is, what it
    /// runs, the mat it scans and the calibration in use. The display answers with an Ack whose status says whether
    /// it knows (has paired) this device; until then it ignores the device's frames and results.
    /// </summary>
    public sealed class HelloMessage
    {
        /// <summary>The largest pairing proof, bytes (room for an HMAC-SHA256).</summary>
        public const int MaxProofBytes = 32;

        /// <summary>No proof: the first Hello of a connection, before the display's Challenge.</summary>
        public const int ProofNone = 0;

        /// <summary>The proof is <see cref="Pairing.PairingProof"/> over the nonce of this connection's Challenge.</summary>
        public const int ProofHmacSha256 = 1;

        /// <summary>The pitch range <see cref="Geometry.MatGeometry"/> accepts, so a decoded hello always makes a geometry.</summary>
        public const int MinPitchUm = Geometry.MatGeometry.MinPitchUm;
        public const int MaxPitchUm = Geometry.MatGeometry.MaxPitchUm;

        /// <summary>The device's unique id; the ESP32 uses its 48-bit factory MAC.</summary>
        public long DeviceId;

        public int FirmwareMajor;
        public int FirmwareMinor;
        public int FirmwarePatch;

        public int Rows;
        public int Cols;
        public int PitchUm;

        /// <summary>Changes whenever the device takes a new zero or gain calibration.</summary>
        public uint CalibrationId;

        /// <summary>The answer to the display's Challenge (docs/protocol.md, "Pairing"); <see cref="ProofNone"/> before it.</summary>
        public int ProofKind;
        public int ProofLength;
        public readonly byte[] Proof = new byte[MaxProofBytes];

        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.I64(DeviceId);
            writer.U8(FirmwareMajor);
            writer.U8(FirmwareMinor);
            writer.U16(FirmwarePatch);
            writer.U16(Rows);
            writer.U16(Cols);
            writer.U16(PitchUm);
            writer.U32(CalibrationId);
            writer.U8(ProofKind);
            int proofLength = ProofLength < 0 ? 0 : (ProofLength > MaxProofBytes ? MaxProofBytes : ProofLength);
            writer.U8(proofLength);
            writer.Bytes(Proof, 0, proofLength);
            return writer.Length;
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            DeviceId = reader.I64();
            FirmwareMajor = reader.U8();
            FirmwareMinor = reader.U8();
            FirmwarePatch = reader.U16();
            Rows = reader.U16();
            Cols = reader.U16();
            PitchUm = reader.U16();
            CalibrationId = reader.U32();
            ProofKind = reader.U8();
            ProofLength = reader.U8();
            if (reader.Failed || ProofLength > MaxProofBytes)
            {
                return false;
            }
            reader.Bytes(Proof, 0, ProofLength);
            bool gridOk = Rows >= SparseLoads.MinSide && Rows <= SparseLoads.MaxSide
                && Cols >= SparseLoads.MinSide && Cols <= SparseLoads.MaxSide
                && PitchUm >= MinPitchUm && PitchUm <= MaxPitchUm;
            return gridOk && reader.EndedCleanly;
        }
    }
}

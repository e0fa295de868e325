using Kiosk.Mat.Analysis;

namespace Kiosk.Mat.Protocol
{
    /// <summary>
    /// The result of one scan (type <see cref="MessageType.Result"/>): its unique id (device id + counter),
    /// every field of <see cref="ScanAnalysis"/> and the summed frame the analysis ran on. The device keeps it in
    /// the <see cref="ResultOutbox"/> until the display acknowledges the id; the display stores each id once.
    /// </summary>
    public sealed class ResultMessage
    {
        /// <summary>Bit 0 of the flags byte: the summed frame follows. Cleared when the frame would not fit a packet.</summary>
        public const int FlagSummedFrame = 1;

        /// <summary>
        /// Bit 1 of the flags byte: the measures block follows the flags (a length byte, then the measures added
        /// after the first release). Payloads without it (older mats) decode with those measures "not measured".
        /// </summary>
        public const int FlagMeasures = 2;

        /// <summary>A measure the sender did not take (a payload of an older mat without the measures block): the JSON shows null.</summary>
        public const int NotMeasured = -1;

        /// <summary>Bytes of the measures block this version writes: whole-body midfoot % (4), per foot 9 (4 + 1 + 4).</summary>
        public const int MeasuresBytes = 22;

        /// <summary>Payload bytes before the summed frame: id (12), analysis (48 + 2 x 58), flags (1), measures (1 + 22).</summary>
        public const int FixedPayloadBytes = 200;

        public long DeviceId;

        /// <summary>Never reused by a device, across reboots too (docs/protocol.md, "Result ids").</summary>
        public uint ResultCounter;

        /// <summary>The scan's analysis: a decoder's own, or on the device the tracker's, which it encodes without a copy.</summary>
        public ScanAnalysis Analysis;

        public bool HasSummedFrame;
        public int Rows;
        public int Cols;

        /// <summary>The frames of the still window summed, grams per sensel, row * Cols + col.</summary>
        public int[] SummedLoadGrams;

        /// <summary>
        /// The device's form of the same frame: only the sensels loaded in the window (<see cref="Session.SessionTracker.WindowSum"/>).
        /// When set, it is sent instead of <see cref="SummedLoadGrams"/> (the same bytes, without a dense frame).
        /// </summary>
        public Calibration.LoadedSensels SummedLoads;

        public ResultMessage(int maxSensels)
            : this(maxSensels, new ScanAnalysis())
        {
        }

        /// <param name="analysis">The analysis to send or decode into (the device passes the one it sends, each time, in <see cref="Analysis"/>).</param>
        public ResultMessage(int maxSensels, ScanAnalysis analysis)
        {
            SummedLoadGrams = new int[maxSensels];
            Analysis = analysis;
        }

        /// <summary>The largest payload for a mat of <paramref name="senselCount"/> sensels: size the outbox so one always fits.</summary>
        public static int MaxPayloadBytes(int senselCount)
        {
            return FixedPayloadBytes + SparseLoads.MaxBytes(senselCount);
        }

        /// <summary>
        /// Writes the payload; returns its length, or -1 when even the analysis without the frame does not fit.
        /// A summed frame too large for the buffer is left out (<see cref="HasSummedFrame"/> false in the bytes)
        /// rather than losing the result.
        /// </summary>
        public int EncodePayload(byte[] buffer, int offset, int capacity)
        {
            return EncodePayload(buffer, offset, capacity, true);
        }

        /// <param name="mayLeaveFrameOut">False: -1 rather than the result without its summed frame (the device's outbox
        /// has fewer free bytes while it holds results, and the result waits for them).</param>
        public int EncodePayload(byte[] buffer, int offset, int capacity, bool mayLeaveFrameOut)
        {
            if (HasSummedFrame)
            {
                int length = Write(buffer, offset, capacity, true);
                if (length >= 0 || !mayLeaveFrameOut)
                {
                    return length;
                }
            }
            return Write(buffer, offset, capacity, false);
        }

        public bool DecodePayload(byte[] buffer, int offset, int count)
        {
            PayloadReader reader = new PayloadReader(buffer, offset, count);
            DeviceId = reader.I64();
            ResultCounter = reader.U32();
            ScanAnalysis a = Analysis;
            a.QualityIssues = (QualityIssue)reader.I32();
            a.TotalLoadGrams = reader.I32();
            a.LoadLeftPctX10 = reader.I32();
            a.LoadRightPctX10 = reader.I32();
            a.RearfootPctX10 = reader.I32();
            a.ForefootPctX10 = reader.I32();
            a.CopXMmX10 = reader.I32();
            a.CopYMmX10 = reader.I32();
            a.SwayPathMmX10 = reader.I32();
            a.SwayEllipseMm2 = reader.I32();
            a.FrameCount = reader.I32();
            a.WindowMs = reader.I32();
            ReadFoot(ref reader, a.Left);
            ReadFoot(ref reader, a.Right);
            int flags = reader.U8();
            if (reader.Failed || (flags & ~(FlagSummedFrame | FlagMeasures)) != 0)
            {
                return false;
            }
            if ((flags & FlagMeasures) != 0)
            {
                ReadMeasures(ref reader, a);
            }
            else
            {
                a.MidfootPctX10 = NotMeasured;
                MarkNotMeasured(a.Left);
                MarkNotMeasured(a.Right);
            }
            HasSummedFrame = (flags & FlagSummedFrame) != 0;
            Rows = 0;
            Cols = 0;
            if (HasSummedFrame && SparseLoads.Read(ref reader, SummedLoadGrams, out Rows, out Cols) < 0)
            {
                return false;
            }
            return reader.EndedCleanly;
        }

        private int Write(byte[] buffer, int offset, int capacity, bool withFrame)
        {
            PayloadWriter writer = new PayloadWriter(buffer, offset, capacity);
            writer.I64(DeviceId);
            writer.U32(ResultCounter);
            ScanAnalysis a = Analysis;
            writer.I32((int)a.QualityIssues);
            writer.I32(a.TotalLoadGrams);
            writer.I32(a.LoadLeftPctX10);
            writer.I32(a.LoadRightPctX10);
            writer.I32(a.RearfootPctX10);
            writer.I32(a.ForefootPctX10);
            writer.I32(a.CopXMmX10);
            writer.I32(a.CopYMmX10);
            writer.I32(a.SwayPathMmX10);
            writer.I32(a.SwayEllipseMm2);
            writer.I32(a.FrameCount);
            writer.I32(a.WindowMs);
            WriteFoot(ref writer, a.Left);
            WriteFoot(ref writer, a.Right);
            writer.U8(FlagMeasures | (withFrame ? FlagSummedFrame : 0));
            writer.U8(MeasuresBytes);
            writer.I32(a.MidfootPctX10);
            WriteFootMeasures(ref writer, a.Left);
            WriteFootMeasures(ref writer, a.Right);
            if (withFrame && SummedLoads != null)
            {
                int length = writer.Length;
                if (length < 0)
                {
                    return -1;
                }
                Calibration.LoadedSensels sum = SummedLoads;
                int block = SparseLoads.Write(buffer, offset + length, capacity - length, sum.Index, sum.Grams, sum.Count, Rows, Cols);
                return block < 0 ? -1 : length + block;
            }
            if (withFrame)
            {
                SparseLoads.Write(ref writer, SummedLoadGrams, Rows, Cols);
            }
            return writer.Length;
        }

        private static void WriteFoot(ref PayloadWriter writer, FootMeasures foot)
        {
            writer.Bool(foot.Present);
            writer.U8((int)foot.Arch);
            writer.I32(foot.ArchIndexX1000);
            writer.I32(foot.LoadGrams);
            writer.I32(foot.LoadPctX10);
            writer.I32(foot.RearfootPctX10);
            writer.I32(foot.ForefootPctX10);
            writer.I32(foot.MedialPctX10);
            writer.I32(foot.LateralPctX10);
            writer.I32(foot.LengthMmX10);
            writer.I32(foot.WidthMmX10);
            writer.I32(foot.ContactAreaMm2);
            writer.I32(foot.PeakKpa);
            writer.I32(foot.CopXMmX10);
            writer.I32(foot.CopYMmX10);
            writer.I32(foot.ToeOutDegX10);
        }

        private static void WriteFootMeasures(ref PayloadWriter writer, FootMeasures foot)
        {
            writer.I32(foot.ModifiedArchIndexX1000);
            writer.U8((int)foot.ArchBorderlineWith);
            writer.I32(foot.MidfootPctX10);
        }

        /// <summary>
        /// The measures block: a length, then the fields this version knows. Later versions only append fields, so a
        /// longer block (a newer sender) is read for what this version knows and the rest skipped; a shorter one is
        /// malformed (no sender writes part of this version's block).
        /// </summary>
        private static void ReadMeasures(ref PayloadReader reader, ScanAnalysis a)
        {
            int length = reader.U8();
            if (length < MeasuresBytes)
            {
                reader.Fail();
                return;
            }
            a.MidfootPctX10 = reader.I32();
            ReadFootMeasures(ref reader, a.Left);
            ReadFootMeasures(ref reader, a.Right);
            for (int i = MeasuresBytes; i < length; i++)
            {
                reader.U8();
            }
        }

        private static void ReadFootMeasures(ref PayloadReader reader, FootMeasures foot)
        {
            foot.ModifiedArchIndexX1000 = reader.I32();
            foot.ArchBorderlineWith = ReadArch(ref reader);
            foot.MidfootPctX10 = reader.I32();
        }

        /// <summary>An arch type byte; a value beyond the known types fails the reader (the result is malformed).</summary>
        private static ArchType ReadArch(ref PayloadReader reader)
        {
            int arch = reader.U8();
            if (arch > (int)ArchType.Low)
            {
                reader.Fail();
            }
            return (ArchType)arch;
        }

        private static void MarkNotMeasured(FootMeasures foot)
        {
            foot.ModifiedArchIndexX1000 = NotMeasured;
            foot.ArchBorderlineWith = ArchType.Unknown;
            foot.MidfootPctX10 = NotMeasured;
        }

        private static void ReadFoot(ref PayloadReader reader, FootMeasures foot)
        {
            foot.Present = reader.Bool();
            foot.Arch = ReadArch(ref reader);
            foot.ArchIndexX1000 = reader.I32();
            foot.LoadGrams = reader.I32();
            foot.LoadPctX10 = reader.I32();
            foot.RearfootPctX10 = reader.I32();
            foot.ForefootPctX10 = reader.I32();
            foot.MedialPctX10 = reader.I32();
            foot.LateralPctX10 = reader.I32();
            foot.LengthMmX10 = reader.I32();
            foot.WidthMmX10 = reader.I32();
            foot.ContactAreaMm2 = reader.I32();
            foot.PeakKpa = reader.I32();
            foot.CopXMmX10 = reader.I32();
            foot.CopYMmX10 = reader.I32();
            foot.ToeOutDegX10 = reader.I32();
        }
    }
}

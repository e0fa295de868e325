namespace Kiosk.Mat.Geometry
{
    /// <summary>
    /// The sensel grid of one mat. Row 0 is the mat's front edge (the shopper's toes point to it);
    /// column 0 is at the shopper's left. Every frame buffer is indexed row * Cols + col.
    /// </summary>
    public sealed class MatGeometry
    {
        /// <summary>The mats the system supports: 2 to 256 rows and columns, 1 to 50 mm pitch. Every parser checks these.</summary>
        public const int MinSide = 2;
        public const int MaxSide = 256;
        public const int MinPitchUm = 1000;
        public const int MaxPitchUm = 50000;

        public readonly int Rows;
        public readonly int Cols;

        /// <summary>Centre-to-centre distance of sensels, in micrometres (7.5 mm = 7500).</summary>
        public readonly int PitchUm;

        public MatGeometry(int rows, int cols, int pitchUm)
        {
            if (rows < MinSide || cols < MinSide || rows > MaxSide || cols > MaxSide)
            {
                throw new System.ArgumentOutOfRangeException("rows/cols", "a mat has 2 to 256 rows and columns");
            }
            if (pitchUm < MinPitchUm || pitchUm > MaxPitchUm)
            {
                throw new System.ArgumentOutOfRangeException("pitchUm", "pitch must be 1 to 50 mm");
            }
            Rows = rows;
            Cols = cols;
            PitchUm = pitchUm;
        }

        public int SenselCount { get { return Rows * Cols; } }

        /// <summary>Area of one sensel in mm2 x 100 (7.5 mm pitch = 5625).</summary>
        public int SenselAreaMm2X100 { get { return (int)((long)PitchUm * PitchUm / 10000); } }

        public int WidthUm { get { return Cols * PitchUm; } }

        public int DepthUm { get { return Rows * PitchUm; } }

        public int Index(int row, int col)
        {
            return row * Cols + col;
        }

        /// <summary>Centre of a column from the mat's left edge, in micrometres.</summary>
        public int ColCentreUm(int col)
        {
            return col * PitchUm + PitchUm / 2;
        }

        /// <summary>Centre of a row from the mat's front edge, in micrometres.</summary>
        public int RowCentreUm(int row)
        {
            return row * PitchUm + PitchUm / 2;
        }

        public bool IsOnBorder(int row, int col)
        {
            return row == 0 || col == 0 || row == Rows - 1 || col == Cols - 1;
        }
    }
}

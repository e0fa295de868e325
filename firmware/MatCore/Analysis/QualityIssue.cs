namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Named problems of a scan, as bit flags so a result carries them without allocating.
    /// A scan with any of them is reported with quality.ok = false instead of a silent wrong answer.
    /// </summary>
    public static class QualityIssue
    {
        public const int None = 0;
        public const int NoFoot = 1;
        public const int OneFootOnly = 2;
        public const int FootAtEdge = 4;
        public const int TooLight = 8;
        public const int Saturated = 16;
        public const int TooManyDeadSensels = 32;
        public const int FootprintUnreliable = 64;

        /// <summary>A load or a foot too small for the adult thresholds (a child): the arch is not classified.</summary>
        public const int NotAdultSized = 128;

        /// <summary>Every flag, in the order names are listed.</summary>
        public const int All = 255;

        public const int Count = 8;

        /// <summary>The stable name of one flag, as the JSON and the protocol documentation spell it.</summary>
        public static string Name(int flag)
        {
            switch (flag)
            {
                case NoFoot: return "no-foot";
                case OneFootOnly: return "one-foot-only";
                case FootAtEdge: return "foot-at-edge";
                case TooLight: return "too-light";
                case Saturated: return "saturated-sensels";
                case TooManyDeadSensels: return "too-many-dead-sensels";
                case FootprintUnreliable: return "footprint-unreliable";
                case NotAdultSized: return "not-adult-sized";
                default: return "unknown";
            }
        }

        /// <summary>The flag with the given index (0 .. Count-1).</summary>
        public static int FlagAt(int index)
        {
            return 1 << index;
        }
    }
}

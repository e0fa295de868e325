namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// Named problems of a scan, as bit flags so a result carries them without allocating (combine with | and test
    /// with <see cref="ScanAnalysis.Has"/>; nanoFramework has no [Flags]). A scan with any of them is reported with
    /// quality.ok = false instead of a silent wrong answer. The values are the Result's wire bits: never renumber.
    /// </summary>
    public enum QualityIssue
    {
        None = 0,
        NoFoot = 1,
        OneFootOnly = 2,
        FootAtEdge = 4,
        TooLight = 8,
        Saturated = 16,
        TooManyDeadSensels = 32,
        FootprintUnreliable = 64,

        /// <summary>A load or a foot too small for the adult thresholds (a child): the arch is not classified.</summary>
        NotAdultSized = 128,
    }

    /// <summary>
    /// The names of the <see cref="QualityIssue"/> flags, in their bit order. An enum's ToString() on nanoFramework
    /// gives its number, so the names are spelled out here, once.
    /// </summary>
    public static class QualityIssueNames
    {
        /// <summary>The stable names, as the JSON and the protocol documentation spell them; index i names bit i.</summary>
        private static readonly string[] Names =
        {
            "no-foot", "one-foot-only", "foot-at-edge", "too-light", "saturated-sensels", "too-many-dead-sensels",
            "footprint-unreliable", "not-adult-sized",
        };

        /// <summary>How many flags there are: bits 0 .. Count-1.</summary>
        public const int Count = 8;

        /// <summary>The stable name of one flag; "unknown" for none or several.</summary>
        public static string Name(this QualityIssue flag)
        {
            for (int i = 0; i < Count; i++)
            {
                if (flag == FlagAt(i))
                {
                    return Names[i];
                }
            }
            return "unknown";
        }

        /// <summary>The flag with the given index (0 .. Count-1).</summary>
        public static QualityIssue FlagAt(int index)
        {
            return (QualityIssue)(1 << index);
        }
    }
}

namespace Kiosk.Mat.Analysis
{
    /// <summary>Arch class by the Cavanagh and Rodgers (1987) arch index.</summary>
    public enum ArchType
    {
        /// <summary>Not classified: the footprint is absent or unreliable.</summary>
        Unknown = 0,
        High = 1,
        Normal = 2,
        /// <summary>Low or flat arch.</summary>
        Low = 3,
    }
}

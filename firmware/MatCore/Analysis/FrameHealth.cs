namespace Kiosk.Mat.Analysis
{
    /// <summary>
    /// What calibration knows about a frame that the loads alone do not say: which sensels are dead or stuck
    /// (masked, read as 0) and how many readings hit the ADC's full scale.
    /// </summary>
    public sealed class FrameHealth
    {
        /// <summary>1 for a dead or stuck sensel, indexed like the frame; null when every sensel works.</summary>
        public byte[] DeadMask;

        public int SaturatedCount;

        public FrameHealth()
        {
        }

        public FrameHealth(byte[] deadMask, int saturatedCount)
        {
            DeadMask = deadMask;
            SaturatedCount = saturatedCount;
        }
    }
}

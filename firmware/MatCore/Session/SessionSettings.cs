namespace Kiosk.Mat.Session
{
    /// <summary>When the tracker calls someone on the mat, still, or gone. Times in ms, loads in grams.</summary>
    public sealed class SessionSettings
    {
        /// <summary>More than this on the mat is someone stepping on.</summary>
        public int PresenceGrams = 5000;

        /// <summary>Less than presence for this long is an empty mat.</summary>
        public int EmptyHoldMs = 400;

        /// <summary>Time after the first load before a capture may begin (the second foot arrives).</summary>
        public int StepOnMs = 600;

        /// <summary>
        /// How long the shopper must stand still. Piezoresistive film settles over seconds and sway needs a window,
        /// so a few seconds: 3 s.
        /// </summary>
        public int StillWindowMs = 3000;

        /// <summary>The fewest frames a capture sums, whatever the frame rate.</summary>
        public int MinFrames = 8;

        /// <summary>Still means the total load stays within this share of itself, per thousand...</summary>
        public int LoadTolerancePermille = 100;

        /// <summary>...and the centre of pressure within this distance of where the window began, mm.</summary>
        public int CopToleranceMm = 25;

        /// <summary>After a scan, less than this share of the captured load means the shopper is stepping off, per thousand.</summary>
        public int LeavingPermille = 500;
    }
}

namespace Kiosk.Mat.Session
{
    /// <summary>Where a shopper's scan is: from an empty mat, through standing still, to stepping off.</summary>
    public enum SessionState
    {
        /// <summary>Nobody on the mat.</summary>
        Empty = 0,

        /// <summary>Load arriving: someone is stepping on.</summary>
        Stepping = 1,

        /// <summary>On the mat but moving: the still window starts over.</summary>
        Settling = 2,

        /// <summary>Standing still: frames are being summed for the scan.</summary>
        Capturing = 3,

        /// <summary>The scan is analysed; the result stays until the shopper steps off.</summary>
        Done = 4,

        /// <summary>Stepping off after a scan.</summary>
        Leaving = 5,
    }
}

namespace Kiosk.Mat.Link
{
    /// <summary>
    /// Opens links to the display for <see cref="Device.MatDevice"/>, which asks on every frame while it has none and
    /// says when its backoff allows a new attempt. Never blocks the scan loop: a dialer whose connect can hang (a
    /// socket to a powered-off display) runs it on its own thread (<see cref="ThreadedDialer"/>).
    /// </summary>
    public interface ILinkDialer
    {
        /// <summary>
        /// Returns an open transport once an attempt has succeeded (each transport once), else null.
        /// <paramref name="mayStartAttempt"/>: the device's backoff allows a new attempt now; an attempt already
        /// running goes on.
        /// </summary>
        IPacketTransport Poll(int nowMs, bool mayStartAttempt);

        /// <summary>True while an attempt runs (the device's state shows "connecting", not "no display").</summary>
        bool Dialing { get; }
    }
}

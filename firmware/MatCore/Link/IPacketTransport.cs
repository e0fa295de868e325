namespace Kiosk.Mat.Link
{
    /// <summary>
    /// A byte link to the display as the link session needs it: TCP over Wi-Fi, USB serial, or in memory for the
    /// virtual mat and tests. Neither call may block for long: the scan loop runs on the same thread.
    /// </summary>
    public interface IPacketTransport
    {
        /// <summary>False once the link has failed or the other end closed it; the session then disconnects.</summary>
        bool IsOpen { get; }

        /// <summary>
        /// Sends all <paramref name="count"/> bytes or none: false when the link cannot take them now (busy, or
        /// failed). A whole packet is never half sent, so a refused live frame costs nothing but that frame.
        /// </summary>
        bool TrySend(byte[] buffer, int offset, int count);

        /// <summary>Copies bytes that have arrived, up to <paramref name="count"/>, without waiting; 0 when none have.</summary>
        int Receive(byte[] buffer, int offset, int count);
    }
}

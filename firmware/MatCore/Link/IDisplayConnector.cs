namespace Kiosk.Mat.Link
{
    /// <summary>
    /// One blocking attempt to reach the display (resolve, TCP connect), run by <see cref="ThreadedDialer"/> on its own
    /// thread. nanoFramework's <c>Socket.Connect</c> has no timeout (it polls with -1), so the dialer gives up on an
    /// attempt by calling <see cref="Abort"/> from the scan loop's thread, which must make <see cref="Connect"/> return.
    /// </summary>
    public interface IDisplayConnector
    {
        /// <summary>Connects, blocking as long as it takes; null when the display cannot be reached (or on abort).</summary>
        IPacketTransport Connect();

        /// <summary>Ends a <see cref="Connect"/> that is taking too long (closes its socket); called from another thread.</summary>
        void Abort();

        /// <summary>Closes a transport this connector opened, once the device has given it up.</summary>
        void Close(IPacketTransport transport);
    }
}

using Kiosk.Mat.Link;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// A byte link to the kiosk display: TCP over Wi-Fi (<see cref="TcpMatLink"/>) or, later, USB serial. It moves
    /// whole packets for the core's <see cref="MatLinkSession"/> (as its <see cref="IPacketTransport"/>) and knows
    /// nothing of their content; this interface adds opening and closing it.
    /// </summary>
    public interface IMatLink : IPacketTransport
    {
        /// <summary>Opens the link; false when the other end cannot be reached now.</summary>
        bool Connect();

        void Close();
    }
}

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// A byte link to the kiosk display: TCP over Wi-Fi (<see cref="TcpMatLink"/>) or, later, USB serial.
    /// It moves whole packets as the protocol encodes them and knows nothing of their content.
    /// </summary>
    public interface IMatLink
    {
        bool IsConnected { get; }

        /// <summary>Opens the link; false when the other end cannot be reached now.</summary>
        bool Connect();

        /// <summary>Sends the first <paramref name="length"/> bytes of <paramref name="packet"/>; false (and closed) on failure.</summary>
        bool Send(byte[] packet, int length);

        /// <summary>Copies whatever has arrived into <paramref name="buffer"/> without blocking; 0 when nothing has.</summary>
        int Receive(byte[] buffer);

        void Close();
    }
}

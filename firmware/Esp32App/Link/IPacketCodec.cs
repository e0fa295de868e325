namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// The seam between the app and the documented protocol (firmware/MatCore/Protocol, written by another
    /// engineer): it turns what the mat has into packets for an <see cref="IMatLink"/>, and packets from the
    /// display into commands. Every method fills a caller's buffer and returns the byte count; 0 = nothing.
    /// </summary>
    public interface IPacketCodec
    {
        /// <summary>The first packet on a new connection: who this device is (id and pairing key).</summary>
        int EncodeHello(string deviceId, string deviceKey, byte[] packet);

        /// <summary>A live frame (sparse on the wire: the protocol decides).</summary>
        int EncodeLiveFrame(ushort[] raw, int rows, int cols, int frameNumber, byte[] packet);

        /// <summary>Device status: state, frame rate, self-test result.</summary>
        int EncodeStatus(int state, int frameRateX10, int maskedSensels, int badRows, int badCols, byte[] packet);

        /// <summary>Consumes bytes received from the display (acknowledgements, commands).</summary>
        void Receive(byte[] data, int length);
    }
}

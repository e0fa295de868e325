namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// Stands in for the protocol's codec until firmware/MatCore/Protocol is merged: it encodes nothing, so the
    /// app connects, scans and shows its state, but sends no packets.
    /// </summary>
    public sealed class PendingProtocolCodec : IPacketCodec
    {
        // TODO(protocol): replace this class with an IPacketCodec over the encoder and decoder of
        // firmware/MatCore/Protocol (hello, live frame, status; decoding acknowledgements and commands).
        public int EncodeHello(string deviceId, string deviceKey, byte[] packet)
        {
            return 0;
        }

        public int EncodeLiveFrame(ushort[] raw, int rows, int cols, int frameNumber, byte[] packet)
        {
            return 0;
        }

        public int EncodeStatus(int state, int frameRateX10, int maskedSensels, int badRows, int badCols, byte[] packet)
        {
            return 0;
        }

        public void Receive(byte[] data, int length)
        {
        }
    }
}

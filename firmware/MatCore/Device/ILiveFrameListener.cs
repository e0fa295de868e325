namespace Kiosk.Mat.Device
{
    /// <summary>Told just before each live frame goes to the link (the virtual mat notes when it left, for the display's latency figure).</summary>
    public interface ILiveFrameListener
    {
        void OnSending(int capturedAtMs);
    }
}

namespace Kiosk.Mat.Scanning
{
    /// <summary>One output pin. The ESP32 app wraps a GpioPin; tests count writes.</summary>
    public interface IDigitalOutput
    {
        void Write(bool high);
    }
}

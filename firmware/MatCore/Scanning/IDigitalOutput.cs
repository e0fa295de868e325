namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// One output pin. The ESP32 app wraps a GpioPin; tests count calls. The scan's hot paths only toggle: on
    /// nanoFramework <c>GpioPin.Toggle</c> is a bare native call, while <c>Write</c> takes a lock and builds a
    /// PinValue on every call (about 300 us against 6-18 us, shared/NANOFRAMEWORK.md section 12), so the drivers
    /// track each line's level and toggle the lines that must change.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Sets the level; for start-up and for lines whose level is not known.</summary>
        void Write(bool high);

        /// <summary>Inverts the level.</summary>
        void Toggle();
    }
}

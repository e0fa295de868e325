namespace Kiosk.Mat.Scanning
{
    /// <summary>One ADC input. The ESP32 app wraps an ADC1 AdcChannel; tests return scripted values.</summary>
    public interface IAnalogInput
    {
        /// <summary>One conversion, raw counts.</summary>
        int Read();
    }
}

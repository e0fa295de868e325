namespace Kiosk.Mat.DeviceTests
{
    /// <summary>
    /// The mat every whole-device test runs on: 48 x 48 sensels at 10 mm, the size the standing feet are rendered
    /// for and the one the heap in MatCore.WholeDeviceTests.Build/heap-bytes is measured on.
    /// </summary>
    internal static class WholeDeviceMat
    {
        public const int Rows = 48;
        public const int PitchUm = 10000;
    }
}

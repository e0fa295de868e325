using Kiosk.Mat.Link;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>
    /// The ESP32's Wi-Fi in managed code: joins after <see cref="FailuresLeft"/> failed attempts, can drop, and reports
    /// <see cref="SignalDbm"/> when asked for the signal, counting the readings (each a scan on a board). Nano-compatible.
    /// </summary>
    public sealed class FakeWifiRadio : IWifiRadio
    {
        public int FailuresLeft;
        public int SignalDbm = -67;
        public int SignalReads;
        private bool _joined;

        public bool IsJoined { get { return _joined; } }

        public string LastError { get { return _joined ? null : "network not found"; } }

        public bool Join(string ssid, string password, int timeoutMs)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                return false;
            }
            _joined = true;
            return true;
        }

        public int ReadSignalDbm()
        {
            SignalReads++;
            return SignalDbm;
        }

        public void Drop()
        {
            _joined = false;
        }
    }
}

using System.Threading;
using Kiosk.Mat.Link;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// The thread that keeps the mat on Wi-Fi: the core's <see cref="WifiJoining"/> in a loop (a join blocks for up to a
    /// minute, so never on the scan loop's thread), printing each change for the technician.
    /// </summary>
    public sealed class WifiKeeper
    {
        private readonly WifiJoining _wifi;

        public WifiKeeper(WifiJoining wifi)
        {
            _wifi = wifi;
        }

        public void Run()
        {
            while (true)
            {
                int waitMs = _wifi.Step();
                if (_wifi.Changed)
                {
                    _wifi.Changed = false;
                    if (_wifi.State == WifiJoining.Joined)
                    {
                        System.Console.WriteLine("wifi: joined");
                    }
                    else if (_wifi.State == WifiJoining.Retrying)
                    {
                        System.Console.WriteLine("wifi: " + _wifi.LastError + "; trying again in " + (_wifi.RetryInMs / 1000).ToString() + " s");
                    }
                }
                Thread.Sleep(waitMs);
            }
        }
    }
}

using System.Device.Wifi;
using System.Threading;
using Kiosk.Mat.Link;
using nanoFramework.Networking;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// The ESP32's Wi-Fi through nanoFramework's WifiNetworkHelper (its ConnectDhcp may be called again after a failure
    /// or timeout; with automatic reconnection it also rejoins by itself after a drop), for the core's <see cref="WifiJoining"/>.
    /// </summary>
    public sealed class WifiRadio : IWifiRadio
    {
        private string _lastError;

        public bool IsJoined { get { return WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady; } }

        public string LastError { get { return _lastError; } }

        public bool Join(string ssid, string password, int timeoutMs)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            bool joined = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            _lastError = joined ? null : "cannot join '" + ssid + "': " + StatusName(WifiNetworkHelper.Status);
            return joined;
        }

        private static string StatusName(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress: return "no address within the time limit (wrong password, or no DHCP)";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning: return "network not found or refused";
                case NetworkHelperStatus.FailedNoNetworkInterface: return "no Wi-Fi interface";
                case NetworkHelperStatus.ExceptionOccurred: return "error in the Wi-Fi driver";
                default: return "status " + ((int)status).ToString();
            }
        }
    }
}

using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Kiosk.Esp32App.Link
{
    /// <summary>Joins the shop's Wi-Fi with DHCP through nanoFramework's helper, with a time limit.</summary>
    public static class WifiJoin
    {
        public const int TimeoutMs = 60000;

        public static bool Connect(string ssid, string password)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(TimeoutMs);
            bool joined = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            if (!joined)
            {
                System.Console.WriteLine("wifi: cannot join '" + ssid + "': status " + ((int)WifiNetworkHelper.Status).ToString());
            }
            return joined;
        }
    }
}

// Mirrors nanoFramework.System.Device.Wifi 1.5.149 (assembly System.Device.Wifi): only the members the app uses.
// Read from nanoframework/System.Device.Wifi: NetworkHelper/WifiNetworkHelper.cs, WifiReconnectionKind.cs.
using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw new NotImplementedException(); } }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw new NotImplementedException();
        }
    }
}

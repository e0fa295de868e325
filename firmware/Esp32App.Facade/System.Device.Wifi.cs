// Mirrors nanoFramework.System.Device.Wifi 1.5.149 (assembly System.Device.Wifi): only the members the app uses.
// Read from nanoframework/System.Device.Wifi: NetworkHelper/WifiNetworkHelper.cs, WifiReconnectionKind.cs,
// WifiAdapter.cs, WifiNetworkReport.cs, WifiAvailableNetwork.cs. The library has no signal strength of the joined
// network: a scan's WifiAvailableNetwork.NetworkRssiInDecibelMilliwatts is the only RSSI it gives.
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

    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, Object e);

    public sealed class WifiAdapter : IDisposable
    {
        private WifiAdapter()
        {
        }

        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged;

        public WifiNetworkReport NetworkReport { get { throw new NotImplementedException(); } }

        public static WifiAdapter[] FindAllAdapters()
        {
            throw new NotImplementedException();
        }

        public void ScanAsync()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public class WifiNetworkReport
    {
        private WifiNetworkReport()
        {
        }

        public WifiAvailableNetwork[] AvailableNetworks { get { throw new NotImplementedException(); } }
    }

    public class WifiAvailableNetwork
    {
        public string Bsid { get { throw new NotImplementedException(); } }

        public string Ssid { get { throw new NotImplementedException(); } }

        public double NetworkRssiInDecibelMilliwatts { get { throw new NotImplementedException(); } }
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

using System;
using System.Device.Wifi;
using System.Threading;
using Kiosk.Mat.Link;
using Kiosk.Mat.Protocol;
using nanoFramework.Networking;

namespace Kiosk.Esp32App.Link
{
    /// <summary>
    /// The ESP32's Wi-Fi through nanoFramework's WifiNetworkHelper (its ConnectDhcp may be called again after a failure
    /// or timeout; with automatic reconnection it also rejoins by itself after a drop), for the core's <see cref="WifiJoining"/>.
    /// </summary>
    public sealed class WifiRadio : IWifiRadio
    {
        /// <summary>A scan of every channel takes a few seconds on an ESP32; one that has not ended by then is given up.</summary>
        public const int ScanTimeoutMs = 10000;

        private readonly AutoResetEvent _scanned = new AutoResetEvent(false);
        private WifiAdapter _adapter;
        private string _lastError;
        private string _ssid;

        public bool IsJoined { get { return WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady; } }

        public string LastError { get { return _lastError; } }

        public bool Join(string ssid, string password, int timeoutMs)
        {
            _ssid = ssid;
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            bool joined = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            _lastError = joined ? null : "cannot join '" + ssid + "': " + StatusName(WifiNetworkHelper.Status);
            return joined;
        }

        /// <summary>
        /// nanoFramework gives no signal strength of the joined network (System.Device.Wifi, System.Net: neither
        /// WifiNetworkHelper nor NetworkInterface has one), only each network's RSSI in a scan's report. So this scans and
        /// takes the strongest access point with the joined SSID: the one joined when the SSID has a single access point,
        /// an upper bound when it has several. The scan blocks this (the Wi-Fi) thread for a few seconds and delays the
        /// link's packets meanwhile, hence WifiJoining reads it once a minute. Not yet run on a board.
        /// </summary>
        public int ReadSignalDbm()
        {
            if (_ssid == null || !IsJoined)
            {
                return StatusMessage.RssiNone;
            }
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters.Length == 0)
                    {
                        return StatusMessage.RssiNone;
                    }
                    _adapter = adapters[0];
                    _adapter.AvailableNetworksChanged += OnScanned;
                }
                _scanned.Reset();
                _adapter.ScanAsync();
                if (!_scanned.WaitOne(ScanTimeoutMs, false))
                {
                    return StatusMessage.RssiNone;
                }
                return StrongestDbm(_adapter.NetworkReport.AvailableNetworks, _ssid);
            }
            catch (Exception)
            {
                // The driver refuses a scan while it (re)connects: no reading this time, the next one comes in a minute.
                return StatusMessage.RssiNone;
            }
        }

        private void OnScanned(WifiAdapter sender, object e)
        {
            _scanned.Set();
        }

        private static int StrongestDbm(WifiAvailableNetwork[] networks, string ssid)
        {
            int strongest = StatusMessage.RssiNone;
            for (int i = 0; i < networks.Length; i++)
            {
                int dbm = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                if (networks[i].Ssid == ssid && dbm < 0 && (strongest == StatusMessage.RssiNone || dbm > strongest))
                {
                    strongest = dbm;
                }
            }
            return strongest;
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

namespace Kiosk.Mat.Link
{
    /// <summary>The ESP32's Wi-Fi as <see cref="WifiJoining"/> needs it (nanoFramework's WifiNetworkHelper on the device, a fake in tests).</summary>
    public interface IWifiRadio
    {
        /// <summary>Joins the network with DHCP, blocking up to <paramref name="timeoutMs"/>; false when it did not.</summary>
        bool Join(string ssid, string password, int timeoutMs);

        /// <summary>True while joined with an address.</summary>
        bool IsJoined { get; }

        /// <summary>Why the last join failed, for the console (null when it did not fail).</summary>
        string LastError { get; }

        /// <summary>
        /// The joined network's signal strength, dBm (negative), or <see cref="Protocol.StatusMessage.RssiNone"/> when the
        /// radio cannot tell. May block while the radio scans (nanoFramework reports a signal only from a scan), so
        /// it is called from the Wi-Fi thread, never from the scan loop.
        /// </summary>
        int ReadSignalDbm();
    }
}

using Kiosk.Mat.Protocol;

namespace Kiosk.Mat.Link
{
    /// <summary>
    /// Keeps the mat on the shop's Wi-Fi: joins, and when a join fails or the network drops, joins again after a wait
    /// that grows from 5 s to a minute, saying so (<see cref="State"/>), while the mat goes on scanning. The ESP32 app
    /// runs <see cref="Step"/> in a loop on a thread of its own, because a join blocks for up to
    /// <see cref="JoinTimeoutMs"/>; tests call it directly.
    /// </summary>
    public sealed class WifiJoining
    {
        public const int JoinTimeoutMs = 60000;
        public const int FirstRetryMs = 5000;
        public const int MaxRetryMs = 60000;
        public const int CheckEveryMs = 2000;

        /// <summary>
        /// The signal is read after each join and then every this many checks (a minute): on the ESP32 a reading is a
        /// scan of every channel, which takes seconds and delays the link's traffic while it runs.
        /// </summary>
        public const int SignalEveryChecks = 30;

        /// <summary>Not joined yet, a join running.</summary>
        public const int Joining = 0;

        /// <summary>Joined with an address.</summary>
        public const int Joined = 1;

        /// <summary>The last join failed (or the network dropped); the next one waits <see cref="RetryInMs"/>.</summary>
        public const int Retrying = 2;

        private readonly IWifiRadio _radio;
        private readonly string _ssid;
        private readonly string _password;
        private int _retryMs = FirstRetryMs;
        private int _checksToSignal;

        public WifiJoining(IWifiRadio radio, string ssid, string password)
        {
            _radio = radio;
            _ssid = ssid;
            _password = password;
        }

        public int State = Joining;

        /// <summary>Joins made and failed since start.</summary>
        public int Attempts;
        public int Failures;

        /// <summary>The wait before the next join while <see cref="Retrying"/>, ms.</summary>
        public int RetryInMs;

        /// <summary>The reason of the last failure, for the console; null after a join.</summary>
        public string LastError;

        /// <summary>True once the state changed since the caller last cleared it (the app prints the change).</summary>
        public bool Changed;

        /// <summary>
        /// The joined network's signal, dBm, as last read (<see cref="SignalEveryChecks"/>); <see cref="StatusMessage.RssiNone"/>
        /// while not joined or when the radio cannot tell. Written here, read by the scan loop's thread for Status.
        /// </summary>
        public int RssiDbm = StatusMessage.RssiNone;

        /// <summary>One round: joins when not joined, or checks the link; returns how long to wait before the next, ms.</summary>
        public int Step()
        {
            if (_radio.IsJoined)
            {
                Set(Joined);
                _retryMs = FirstRetryMs;
                ReadSignalWhenDue();
                return CheckEveryMs;
            }
            RssiDbm = StatusMessage.RssiNone;
            Set(Joining);
            Attempts++;
            if (_radio.Join(_ssid, _password, JoinTimeoutMs))
            {
                LastError = null;
                Set(Joined);
                _retryMs = FirstRetryMs;
                _checksToSignal = 0;
                ReadSignalWhenDue();
                return CheckEveryMs;
            }
            Failures++;
            LastError = _radio.LastError;
            RetryInMs = _retryMs;
            Set(Retrying);
            _retryMs = _retryMs >= MaxRetryMs / 2 ? MaxRetryMs : _retryMs * 2;
            return RetryInMs;
        }

        private void ReadSignalWhenDue()
        {
            if (_checksToSignal > 0)
            {
                _checksToSignal--;
                return;
            }
            _checksToSignal = SignalEveryChecks - 1;
            int dbm = _radio.ReadSignalDbm();
            // A reading outside what a radio can receive is no reading; Status carries -128 to 0 dBm.
            RssiDbm = dbm < 0 && dbm >= -128 ? dbm : StatusMessage.RssiNone;
        }

        private void Set(int state)
        {
            if (State != state)
            {
                State = state;
                Changed = true;
            }
        }
    }
}

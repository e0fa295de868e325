using Kiosk.Mat.Link;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>Dials the <see cref="AckingDisplay"/>: the link opens whenever the display is up and the device's backoff allows an attempt.</summary>
    public sealed class DisplayDialer : ILinkDialer
    {
        private readonly AckingDisplay _display;

        /// <summary>Attempts the device made, and when the last one was, ms.</summary>
        public int Attempts;
        public int LastAttemptMs;

        public DisplayDialer(AckingDisplay display)
        {
            _display = display;
        }

        public bool Dialing { get { return false; } }

        public IPacketTransport Poll(int nowMs, bool mayStartAttempt)
        {
            if (!mayStartAttempt)
            {
                return null;
            }
            Attempts++;
            LastAttemptMs = nowMs;
            if (!_display.Reachable)
            {
                return null;
            }
            _display.Reopen();
            return _display;
        }
    }
}

using System.Threading;

namespace Kiosk.Mat.Link
{
    /// <summary>
    /// Runs each connection attempt of an <see cref="IDisplayConnector"/> on a thread of its own, so a connect that
    /// hangs (a powered-off display never answers a SYN) never stalls the scan loop, and aborts it after a timeout.
    /// The scan loop only polls: start an attempt, see whether it finished, abort it when it is overdue.
    /// </summary>
    public sealed class ThreadedDialer : ILinkDialer
    {
        public const int DefaultConnectTimeoutMs = 5000;

        private readonly IDisplayConnector _connector;
        private readonly int _timeoutMs;
        private readonly object _lock = new object();

        private IPacketTransport _current;
        private IPacketTransport _finished;
        private bool _running;
        private bool _aborted;
        private int _startedAtMs;

        /// <summary>Attempts started, and attempts given up because they took longer than the timeout.</summary>
        public int Attempts;
        public int TimedOut;

        public ThreadedDialer(IDisplayConnector connector, int connectTimeoutMs)
        {
            _connector = connector;
            _timeoutMs = connectTimeoutMs;
        }

        public bool Dialing { get { lock (_lock) { return _running; } } }

        public IPacketTransport Poll(int nowMs, bool mayStartAttempt)
        {
            lock (_lock)
            {
                if (_finished != null)
                {
                    IPacketTransport done = _finished;
                    _finished = null;
                    return done;
                }
                if (_running)
                {
                    if (!_aborted && nowMs - _startedAtMs >= _timeoutMs)
                    {
                        _aborted = true;
                        TimedOut++;
                        // Outside the lock would be nicer, but Abort only closes a socket; it never waits for the attempt.
                        _connector.Abort();
                    }
                    return null;
                }
                if (!mayStartAttempt)
                {
                    return null;
                }
                if (_current != null)
                {
                    // The device dials again only once the last link has failed: close it for good.
                    _connector.Close(_current);
                    _current = null;
                }
                _running = true;
                _aborted = false;
                _startedAtMs = nowMs;
                Attempts++;
            }
            new Thread(Attempt).Start();
            return null;
        }

        private void Attempt()
        {
            IPacketTransport transport = null;
            try
            {
                transport = _connector.Connect();
            }
            catch (System.Exception)
            {
                transport = null;
            }
            lock (_lock)
            {
                _running = false;
                if (transport != null && _aborted)
                {
                    // It connected just as it was given up: the device has moved on, so close it.
                    _connector.Close(transport);
                    transport = null;
                }
                _current = transport;
                _finished = transport;
            }
        }
    }
}

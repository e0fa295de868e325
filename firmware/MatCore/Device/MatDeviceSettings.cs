using Kiosk.Mat.Analysis;
using Kiosk.Mat.Session;

namespace Kiosk.Mat.Device
{
    /// <summary>How a <see cref="MatDevice"/> runs: its identity, its link's pacing and its buffers. Times in ms.</summary>
    public sealed class MatDeviceSettings
    {
        /// <summary>The id in Hello and results (a real mat's 48-bit MAC).</summary>
        public long DeviceId;

        /// <summary>The 16-byte pairing key (device_key) to answer the display's Challenge; null: the mat has none.</summary>
        public byte[] PairingKey;

        /// <summary>A Status goes out this often while linked.</summary>
        public int StatusEveryMs = 5000;

        /// <summary>
        /// Live frames go out at most this often while someone stands on the mat (0: every frame). Encoding one costs
        /// the interpreter more than scanning does (docs/scan-cost-model.md), and the heatmap needs no more than 5 a second.
        /// </summary>
        public int LiveFrameEveryMs = 200;

        /// <summary>First wait before dialling again after a failed attempt; it doubles up to <see cref="ReconnectMaxMs"/>.</summary>
        public int ReconnectFirstMs = 1000;
        public int ReconnectMaxMs = 30000;

        /// <summary>Results the outbox holds until the display acknowledges them.</summary>
        public int OutboxResults = 4;

        /// <summary>
        /// Bytes for their payloads; 0: room for the largest Result the link sends (<see cref="Link.MatLinkSession.PayloadBytesFor"/>,
        /// one or two real ones). Only a display that is away lets results wait, and a shopper sees a result only on
        /// the display: one waiting in the outbox and the next scan held (no new one starts) lose nothing, so a
        /// device's heap keeps no more.
        /// </summary>
        public int OutboxBytes;

        /// <summary>Run the crosstalk compensation between scan and calibration (off only for an ideal simulated readout).</summary>
        public bool CompensateCrosstalk = true;

        public SessionSettings Session;
        public AnalysisSettings Analysis;
    }
}

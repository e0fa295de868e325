namespace Kiosk.Mat.Device
{
    /// <summary>
    /// Keeps result counters unique across restarts (docs/protocol.md, "Result ids": a reused counter would make the
    /// display take a new scan for one it already stored, and drop it). Flash wears, so the file holds a high-water
    /// mark advanced in steps: a device starts counting at the mark and writes the next mark at once; a restart skips
    /// at most one step of counters, which is harmless.
    /// </summary>
    public sealed class ResultCounters
    {
        public const uint Step = 64;

        private readonly IResultCounterFile _file;
        private uint _reservedUpTo;

        /// <summary>The first counter this run may use.</summary>
        public readonly uint First;

        /// <summary>False when the last mark could not be written: counters may repeat after the next restart.</summary>
        public bool Persisted = true;

        /// <param name="file">Null: nothing survives a restart (counting starts at 1 every time; tests only).</param>
        public ResultCounters(IResultCounterFile file)
        {
            _file = file;
            uint mark;
            First = file != null && file.TryRead(out mark) && mark > 0 ? mark : 1;
            Reserve(First);
        }

        /// <summary>Call with the next counter the link will use; writes a new mark when it reaches the last one.</summary>
        public void Reserve(uint nextCounter)
        {
            if (nextCounter < _reservedUpTo)
            {
                return;
            }
            _reservedUpTo = nextCounter + Step;
            Persisted = _file == null || _file.Write(_reservedUpTo);
        }
    }
}

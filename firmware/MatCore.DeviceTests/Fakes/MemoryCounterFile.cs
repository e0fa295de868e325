using Kiosk.Mat.Device;

namespace Kiosk.Mat.DeviceTests.Fakes
{
    /// <summary>The result counter's mark in memory: it survives a <see cref="DeviceRun.Restart"/>, as flash survives a reboot.</summary>
    public sealed class MemoryCounterFile : IResultCounterFile
    {
        public uint Mark;
        public bool Written;
        public int Writes;

        public bool TryRead(out uint mark)
        {
            mark = Mark;
            return Written;
        }

        public bool Write(uint mark)
        {
            Mark = mark;
            Written = true;
            Writes++;
            return true;
        }
    }
}

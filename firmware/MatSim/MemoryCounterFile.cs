// The result counter's file in memory, written once for the virtual mat (.NET) and the device tests in nanoCLR (the
// device builds link this file), so it keeps to the nanoFramework subset.
using Kiosk.Mat.Device;

namespace Kiosk.Mat.Simulation
{
    /// <summary>
    /// The result counter's mark in memory, kept as long as this object: it survives a restart of the device it is
    /// given to (<c>DeviceRun.Restart</c>, the virtual mat's runs in one process), as flash survives a reboot.
    /// </summary>
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

// Mirrors nanoFramework.Hardware.Esp32 1.6.40 (assembly nanoFramework.Hardware.Esp32): only the members the app uses.
// Read from nanoframework/nanoFramework.Hardware.Esp32: Configuration.cs, DeviceTypePins.cs, HighResTimer.cs,
// NativeMemory.cs.
using System;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Only the SPI1 pins; real values = DeviceTypes.SPI (0x10000) + bus 1 (0x100) + signal.</summary>
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10000 + 0x100 + 0,
        SPI1_MISO = 0x10000 + 0x100 + 1,
        SPI1_CLOCK = 0x10000 + 0x100 + 2,
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw new NotImplementedException();
        }
    }

    public class NativeMemory
    {
        public enum MemoryType
        {
            All,
            Internal,
            SpiRam
        };

        public static void GetMemoryInfo(MemoryType memType, out UInt32 totalSize, out UInt32 totalFreeSize, out UInt32 largestFreeBlock)
        {
            throw new NotImplementedException();
        }
    }

    public class HighResTimer : IDisposable
    {
        private HighResTimer()
        {
        }

        /// <summary>Microseconds since boot.</summary>
        public static ulong GetCurrent()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}

using System.IO;
using Kiosk.Mat.Config;
using Kiosk.Mat.Device;

namespace Kiosk.Esp32App.Settings
{
    /// <summary>The result counter's high-water mark in I:\results.txt (<see cref="ResultCounters"/> decides when to write it).</summary>
    public sealed class FlashCounterFile : IResultCounterFile
    {
        public const string Path = "I:\\results.txt";
        private const string Key = "next_result";

        public bool TryRead(out uint mark)
        {
            int value;
            bool found = SettingsStore.Read(Path).TryGetInt(Key, out value) && value > 0;
            mark = found ? (uint)value : 0;
            return found;
        }

        public bool Write(uint mark)
        {
            try
            {
                File.WriteAllBytes(Path, KeyValueFile.Ascii(Key + "=" + mark.ToString() + "\n"));
                return true;
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("results: cannot write " + Path + ": " + e.Message);
                return false;
            }
        }
    }
}

using System.IO;
using Kiosk.Mat.Config;

namespace Kiosk.Esp32App.Settings
{
    /// <summary>
    /// Keeps result counters unique across reboots (docs/protocol.md, "Result ids": a reused counter would make the
    /// display take a new scan for one it already stored). Flash wears, so the file holds a high-water mark advanced
    /// in steps: at boot counting starts at the mark and the next mark is written at once; a reboot skips at most one
    /// step of counters, which is harmless.
    /// </summary>
    public sealed class ResultCounterStore
    {
        public const string Path = "I:\\results.txt";
        public const uint Step = 64;
        private const string Key = "next_result";

        private uint _reservedUpTo;

        /// <summary>The first counter this boot may use.</summary>
        public readonly uint First;

        public ResultCounterStore()
        {
            KeyValueFile file = SettingsStore.Read(Path);
            int mark;
            First = file.TryGetInt(Key, out mark) && mark > 0 ? (uint)mark : 1;
            Reserve(First);
        }

        /// <summary>Call with the next counter the session will use; writes a new mark when it reaches the old one.</summary>
        public void Reserve(uint nextCounter)
        {
            if (nextCounter < _reservedUpTo)
            {
                return;
            }
            _reservedUpTo = nextCounter + Step;
            try
            {
                File.WriteAllBytes(Path, Ascii(Key + "=" + _reservedUpTo.ToString() + "\n"));
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("results: cannot write " + Path + ": " + e.Message);
            }
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}

// Mirrors nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native): only the members the app uses.
// Read from nanoframework/nanoFramework.Runtime.Native: nanoFramework.Runtime.Native/{Power,GC}.cs.
using System;

namespace nanoFramework.Runtime.Native
{
    public class Power
    {
        private Power()
        {
        }

        public static void RebootDevice()
        {
            throw new NotImplementedException();
        }
    }

    public static class GC
    {
        /// <summary>Runs the garbage collector; returns the free managed memory, bytes.</summary>
        public static uint Run(bool compactHeap)
        {
            throw new NotImplementedException();
        }
    }
}

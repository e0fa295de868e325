// Mirrors nanoFramework.System.IO.FileSystem 1.1.93 (assembly System.IO.FileSystem): only the members the app uses.
// Read from nanoframework/System.IO.FileSystem: System.IO.FileSystem/File.cs.
using System;

namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw new NotImplementedException();
        }

        // nanoframework/System.IO.FileSystem tag v1.1.93, System.IO.FileSystem/File.cs line 473.
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            throw new NotImplementedException();
        }
    }
}

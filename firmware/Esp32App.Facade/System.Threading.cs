// Mirrors nanoFramework.System.Threading 1.1.52 (assembly System.Threading): only the members the app uses.
// Read from nanoframework/System.Threading: Threading/CancellationToken.cs, Threading/CancellationTokenSource.cs.
using System;

namespace System.Threading
{
    public struct CancellationToken
    {
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay)
        {
            throw new NotImplementedException();
        }

        public CancellationToken Token { get { throw new NotImplementedException(); } }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}

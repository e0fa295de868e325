// Mirrors nanoFramework.Graphics 1.2.53 (assemblies nanoFramework.Graphics and nanoFramework.Graphics.Core,
// both in that package): only the members the app uses.
// Read from nanoframework/nanoFramework.Graphics: Primitive/{DisplayControl,SpiConfiguration,ScreenConfiguration,
// GraphicDriver,Bitmap}.cs and nanoFramework.Graphics.Core/System/Drawing/Color.cs.
using System;

namespace nanoFramework.UI
{
    public class GraphicDriver
    {
    }

    public struct SpiConfiguration
    {
        public SpiConfiguration(byte spiBus, int chipselect, int dataCommand, int reset, int backLight)
        {
            throw new NotImplementedException();
        }
    }

    public struct ScreenConfiguration
    {
        public ScreenConfiguration(ushort x, ushort y, ushort width, ushort height, GraphicDriver graphicDriver = null)
        {
            throw new NotImplementedException();
        }
    }

    public static class DisplayControl
    {
        public static uint Initialize(SpiConfiguration spi, ScreenConfiguration screen, uint bufferSize = 20 * 1024)
        {
            throw new NotImplementedException();
        }

        public static Bitmap FullScreen { get { throw new NotImplementedException(); } }
    }

    public sealed class Bitmap : MarshalByRefObject, IDisposable
    {
        public const ushort OpacityOpaque = 256;

        private Bitmap()
        {
        }

        public int Width { get { throw new NotImplementedException(); } }

        public int Height { get { throw new NotImplementedException(); } }

        public void Clear()
        {
            throw new NotImplementedException();
        }

        public void Flush()
        {
            throw new NotImplementedException();
        }

        public void Flush(int x, int y, int width, int height)
        {
            throw new NotImplementedException();
        }

        public void FillRectangle(int x, int y, int width, int height, System.Drawing.Color color, ushort opacity = OpacityOpaque)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}

namespace System.Drawing
{
    public readonly struct Color
    {
        public static Color FromArgb(int r, int g, int b)
        {
            throw new NotImplementedException();
        }
    }
}

using System.Text;
using QRCoder;

namespace Kiosk.Display.TakeHome;

/// <summary>
/// A QR code as a small SVG: one path of dark modules on a white square, with the standard four-module quiet zone.
/// No style attributes (the pages have a CSP), so it can go into the page as it is.
/// </summary>
public static class QrSvg
{
    public static string Of(string text, QRCodeGenerator.ECCLevel level = QRCodeGenerator.ECCLevel.L)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, level);
        var matrix = data.ModuleMatrix; // includes the quiet zone
        int size = matrix.Count;
        var path = new StringBuilder();
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                if (!matrix[y][x]) continue;
                int run = 1;
                while (x + run < size && matrix[y][x + run]) run++;
                path.Append('M').Append(x).Append(' ').Append(y).Append('h').Append(run).Append("v1h-").Append(run).Append('z');
                x += run - 1;
            }
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" aria-label="QR code"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}

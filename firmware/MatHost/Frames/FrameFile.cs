using System.Globalization;
using System.Text;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.Host.Frames;

/// <summary>
/// The frame file format (docs/frame-file-format.md): UTF-8 text; header lines <c># key=value</c>
/// (<c>pitch_mm</c> required); then one line per mat row of comma-separated non-negative integers,
/// the load on each sensel in grams. Row 0 is the mat's front edge; column 0 is at the shopper's left.
/// </summary>
public static class FrameFile
{
    /// <summary>The largest load one sensel may carry in a file, in grams (a whole adult on one sensel).</summary>
    public const int MaxSenselGrams = 1_000_000;

    public static PressureFrame Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (DecoderFallbackException)
        {
            throw new FrameFormatException(path, 0, "not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FrameFormatException(path, 0, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read ({e.Message})");
        }
        return Parse(text, path);
    }

    public static PressureFrame Parse(string text, string fileName = "<frame>")
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<int[]>();
        string[] lines = text.Split('\n');
        int lineNumber = 0;
        int lastDataLine = 0;
        foreach (string rawLine in lines)
        {
            lineNumber++;
            string line = rawLine.TrimEnd('\r');
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                if (rows.Count > 0)
                {
                    throw new FrameFormatException(fileName, lineNumber, "header line after the first row of loads");
                }
                ParseHeader(line, header, fileName, lineNumber);
                continue;
            }
            int[] row = ParseRow(line, fileName, lineNumber);
            if (rows.Count > 0 && row.Length != rows[0].Length)
            {
                throw new FrameFormatException(fileName, lineNumber, $"row has {row.Length} values, the first row has {rows[0].Length}");
            }
            rows.Add(row);
            lastDataLine = lineNumber;
        }

        if (!header.TryGetValue("pitch_mm", out string? pitchText))
        {
            throw new FrameFormatException(fileName, 0, "the header line '# pitch_mm=...' is missing");
        }
        if (!double.TryParse(pitchText, NumberStyles.Float, CultureInfo.InvariantCulture, out double pitchMm) || !(pitchMm >= MatGeometry.MinPitchUm / 1000.0 && pitchMm <= MatGeometry.MaxPitchUm / 1000.0))
        {
            throw new FrameFormatException(fileName, FindHeaderLine(lines, "pitch_mm"), $"pitch_mm '{pitchText}' is not a number from {MatGeometry.MinPitchUm / 1000} to {MatGeometry.MaxPitchUm / 1000}");
        }
        if (rows.Count < MatGeometry.MinSide || rows[0].Length < MatGeometry.MinSide)
        {
            throw new FrameFormatException(fileName, lastDataLine, $"a frame needs at least {MatGeometry.MinSide} rows of at least {MatGeometry.MinSide} values");
        }
        if (rows.Count > MatGeometry.MaxSide || rows[0].Length > MatGeometry.MaxSide)
        {
            throw new FrameFormatException(fileName, lastDataLine, $"a frame has at most {MatGeometry.MaxSide} rows and {MatGeometry.MaxSide} columns");
        }

        var geometry = new MatGeometry(rows.Count, rows[0].Length, (int)Math.Round(pitchMm * 1000));
        var loads = new int[geometry.SenselCount];
        for (int r = 0; r < rows.Count; r++)
        {
            Array.Copy(rows[r], 0, loads, r * geometry.Cols, geometry.Cols);
        }
        return new PressureFrame(geometry, loads, header);
    }

    public static string Format(PressureFrame frame)
    {
        var text = new StringBuilder();
        text.Append("# pitch_mm=").Append((frame.Geometry.PitchUm / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (key, value) in frame.Header)
        {
            if (key != "pitch_mm")
            {
                text.Append("# ").Append(key).Append('=').Append(value).Append('\n');
            }
        }
        for (int r = 0; r < frame.Geometry.Rows; r++)
        {
            for (int c = 0; c < frame.Geometry.Cols; c++)
            {
                if (c > 0)
                {
                    text.Append(',');
                }
                text.Append(frame.LoadGrams[frame.Geometry.Index(r, c)].ToString(CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static void Save(string path, PressureFrame frame) => File.WriteAllText(path, Format(frame), new UTF8Encoding(false));

    private static void ParseHeader(string line, Dictionary<string, string> header, string fileName, int lineNumber)
    {
        string body = line[1..].Trim();
        if (body.Length == 0)
        {
            return;
        }
        int eq = body.IndexOf('=');
        if (eq <= 0)
        {
            // A header line without key=value is a comment.
            return;
        }
        string key = body[..eq].Trim();
        string value = body[(eq + 1)..].Trim();
        if (header.ContainsKey(key))
        {
            throw new FrameFormatException(fileName, lineNumber, $"header key '{key}' appears twice");
        }
        header[key] = value;
    }

    private static int[] ParseRow(string line, string fileName, int lineNumber)
    {
        string[] cells = line.Split(',');
        var values = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = cells[i].Trim();
            if (cell.Length == 0)
            {
                throw new FrameFormatException(fileName, lineNumber, $"column {i + 1} is empty");
            }
            if (!long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                throw new FrameFormatException(fileName, lineNumber, $"column {i + 1}: '{Shorten(cell)}' is not a whole number of grams");
            }
            if (value < 0)
            {
                throw new FrameFormatException(fileName, lineNumber, $"column {i + 1}: load {value} is negative");
            }
            if (value > MaxSenselGrams)
            {
                throw new FrameFormatException(fileName, lineNumber, $"column {i + 1}: load {value} g is more than {MaxSenselGrams} g on one sensel");
            }
            values[i] = (int)value;
        }
        return values;
    }

    private static int FindHeaderLine(string[] lines, string key)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            string body = lines[i].TrimStart('\uFEFF').TrimStart();
            if (body.StartsWith('#') && body[1..].TrimStart().StartsWith(key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";
}

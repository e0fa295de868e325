using System.Globalization;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Host.Frames;
using Kiosk.Mat.Host.Json;

namespace Kiosk.Mat.Cli.Commands;

/// <summary>
/// <c>matctl analyze FILE [--json]</c>: the core's analysis of one frame file. Exit 0 for any readable frame (a frame
/// with nobody on it too: quality.ok is false); exit 2 with one line naming the file, the line and the problem when
/// the file cannot be read or parsed.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "a frame file (docs/frame-file-format.md)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a summary" };
        var command = new Command("analyze", "analyse a frame file: arch type per foot, load shares, quality");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            TextWriter output = parse.InvocationConfiguration.Output;
            try
            {
                PressureFrame frame = FrameFile.Load(path);
                var health = FrameAnalysis.HealthOf(frame, path);
                var scan = new ScanAnalysis();
                new FootAnalyzer(frame.Geometry, null).Analyze(frame.LoadGrams, health, scan);
                var report = AnalysisReport.From(scan);
                output.WriteLine(parse.GetValue(json) ? report.ToJson() : Summary(path, frame, report));
                return 0;
            }
            catch (FrameFormatException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"matctl analyze: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>A readable summary for a technician: the scan's quality, then each foot side by side.</summary>
    public static string Summary(string path, PressureFrame frame, AnalysisReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringWriter(c) { NewLine = "\n" };
        text.WriteLine($"{Path.GetFileName(path)}: {frame.Geometry.Rows}x{frame.Geometry.Cols} sensels at {frame.PitchMm.ToString("0.##", c)} mm, {(report.TotalLoadG / 1000.0).ToString("0.0", c)} kg on the mat");
        text.WriteLine(report.Quality.Ok ? "quality: ok" : $"quality: NOT OK - {string.Join(", ", report.Quality.Issues)}");
        if (report.Left == null && report.Right == null)
        {
            text.WriteLine("no foot on the mat");
            return text.ToString().TrimEnd();
        }
        string Row(string name, Func<FootReport, string> cell) =>
            $"  {name,-18}{(report.Left == null ? "-" : cell(report.Left)),-22}{(report.Right == null ? "-" : cell(report.Right))}";
        text.WriteLine($"  {"",-18}{"left",-22}right");
        text.WriteLine(Row("arch", f => $"{f.ArchType ?? "not classified"} ({f.ArchIndex.ToString("0.000", c)})"));
        text.WriteLine(Row("load", f => $"{f.LoadPct.ToString("0.0", c)} %"));
        text.WriteLine(Row("rearfoot/forefoot", f => $"{f.RearfootPct.ToString("0", c)}/{f.ForefootPct.ToString("0", c)} %"));
        text.WriteLine(Row("medial/lateral", f => $"{f.MedialPct.ToString("0", c)}/{f.LateralPct.ToString("0", c)} %"));
        text.WriteLine(Row("length x width", f => $"{f.LengthMm.ToString("0", c)} x {f.WidthMm.ToString("0", c)} mm"));
        text.WriteLine(Row("contact area", f => $"{f.ContactAreaCm2.ToString("0.0", c)} cm2"));
        text.WriteLine(Row("peak pressure", f => $"{f.PeakKpa} kPa"));
        text.WriteLine(Row("toe-out", f => $"{f.ToeOutDeg.ToString("0", c)} deg"));
        text.Write($"both feet: left/right {report.LoadLeftPct.ToString("0.0", c)}/{report.LoadRightPct.ToString("0.0", c)} %, " +
            $"rearfoot/forefoot {report.RearfootPct.ToString("0.0", c)}/{report.ForefootPct.ToString("0.0", c)} %, " +
            $"centre of pressure ({report.CopMm.X.ToString("0", c)}, {report.CopMm.Y.ToString("0", c)}) mm");
        return text.ToString();
    }
}

using System.CommandLine;
using Kiosk.Mat.Host.Frames;

namespace Kiosk.Mat.Cli.Commands;

/// <summary><c>matctl analyze FILE [--json]</c>: analyse one frame file.</summary>
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
            try
            {
                PressureFrame frame = FrameFile.Load(path);
                Console.Out.WriteLine($"{frame.Geometry.Rows}x{frame.Geometry.Cols} at {frame.PitchMm} mm");
                return 0;
            }
            catch (FrameFormatException e)
            {
                Console.Error.WriteLine($"matctl analyze: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}

namespace Kiosk.Mat.Cli.Commands;

/// <summary>
/// <c>matctl board check|draw|export FILE</c>: the board definitions in hardware/*.json.
/// Exit codes, the same for every subcommand: 0 valid (and written), 1 the definition has faults (each printed on its
/// own line), 2 the file cannot be read or parsed (or the output cannot be written).
/// </summary>
public static class BoardCommand
{
    public const int Valid = 0;
    public const int HasFaults = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var command = new Command("board", "check a board definition, draw its wiring, export it for the device");
        command.Subcommands.Add(Check());
        command.Subcommands.Add(WithOutput("draw", "write the wiring diagram (SVG) of a valid board definition", WiringDiagram.Svg));
        command.Subcommands.Add(WithOutput("export", "write the key=value pin map the ESP32 app reads (hardware/README.md)", DeviceBoardText.Export));
        return command;
    }

    private static Argument<string> FileArgument() =>
        new("FILE") { Description = "a board definition, e.g. hardware/mat-48x48-10mm.json" };

    private static Command Check()
    {
        var file = FileArgument();
        var command = new Command("check", "validate a board definition: print every fault, one per line");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            int exit = LoadValid(parse, "check", parse.GetValue(file)!, out BoardDefinition? board);
            if (exit == Valid)
            {
                parse.InvocationConfiguration.Output.WriteLine($"{board!.Name}: valid");
            }
            return exit;
        });
        return command;
    }

    private static Command WithOutput(string name, string description, Func<BoardDefinition, string> write)
    {
        var file = FileArgument();
        var output = new Option<string>("--out") { Description = "file to write; standard output when left out" };
        var command = new Command(name, description);
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            int exit = LoadValid(parse, name, parse.GetValue(file)!, out BoardDefinition? board);
            if (exit != Valid)
            {
                return exit;
            }
            string text = write(board!);
            if (parse.GetValue(output) is not string path)
            {
                parse.InvocationConfiguration.Output.Write(text);
                return Valid;
            }
            try
            {
                // Written as UTF-8 without BOM and with \n line ends on every OS, so committed files compare byte for byte.
                File.WriteAllText(path, text);
                return Valid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"matctl board {name}: {path}: cannot be written: {e.Message}");
                return Unreadable;
            }
        });
        return command;
    }

    /// <summary>Loads and validates; prints why not to standard error (faults one per line) and says which exit code.</summary>
    private static int LoadValid(ParseResult parse, string verb, string path, out BoardDefinition? board)
    {
        TextWriter error = parse.InvocationConfiguration.Error;
        board = null;
        try
        {
            board = BoardDefinitionFile.Load(path);
        }
        catch (BoardFileException e)
        {
            error.WriteLine($"matctl board {verb}: {e.Message}");
            return Unreadable;
        }
        IReadOnlyList<BoardFault> faults = BoardValidator.Check(board);
        foreach (BoardFault fault in faults)
        {
            error.WriteLine($"{path}: {fault}");
        }
        return faults.Count == 0 ? Valid : HasFaults;
    }
}

using System.CommandLine;
using Kiosk.Mat.Cli.Commands;

namespace Kiosk.Hardware.Tests;

/// <summary>Runs <c>matctl board ...</c> in-process, as a technician would from the shell, and captures what it prints.</summary>
public sealed record MatctlRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static MatctlRun Board(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = BoardCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new MatctlRun(exit, output.ToString(), error.ToString());
    }
}

using System.CommandLine;
using Kiosk.Mat.Cli.Commands;

namespace Kiosk.Tests;

/// <summary>Runs matctl in-process, with the same commands a technician types, and captures what it prints.</summary>
public sealed record MatctlRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static MatctlRun Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = MatctlCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new MatctlRun(exit, output.ToString(), error.ToString());
    }

    public static MatctlRun Board(params string[] args) => Run(["board", .. args]);
}

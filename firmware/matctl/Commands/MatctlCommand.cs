namespace Kiosk.Mat.Cli.Commands;

/// <summary>The root command with every subcommand, for Program.cs and for tests that run matctl in-process.</summary>
public static class MatctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("matctl - foot-scan mat tool: analyse frames, simulate mats, check boards");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(BoardCommand.Create());
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(ScenariosCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ProvisionCommand.Create());
        return root;
    }
}

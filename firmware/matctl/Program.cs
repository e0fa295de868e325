using System.CommandLine;
using Kiosk.Mat.Cli.Commands;

// matctl: the technician's and the tests' tool for the mat. One file per command under Commands/.
var root = new RootCommand("matctl - foot-scan mat tool: analyse frames, simulate mats, check boards");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(BoardCommand.Create());
root.Subcommands.Add(DecodeCommand.Create());
root.Subcommands.Add(ScenariosCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
return root.Parse(args).Invoke();

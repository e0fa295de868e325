using Kiosk.Mat.Cli.Commands;

// matctl: the technician's and the tests' tool for the mat. One file per command under Commands/.
return MatctlCommand.Create().Parse(args).Invoke();

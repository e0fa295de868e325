namespace Kiosk.Mat.Cli.Commands;

/// <summary><c>matctl scenarios</c>: the scripted shoppers <c>matctl simulate</c> knows, one name per line, then what it does.</summary>
public static class ScenariosCommand
{
    public static Command Create()
    {
        var command = new Command("scenarios", "list the scripted shoppers of the virtual mat, one name per line");
        command.SetAction(parse =>
        {
            Write(parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Name, spaces to a column, description: a script can take the first word of each line.</summary>
    public static void Write(TextWriter output)
    {
        int width = ShopperScenarios.All.Max(s => s.Name.Length) + 2;
        foreach (ShopperScenario scenario in ShopperScenarios.All)
        {
            output.WriteLine(scenario.Name.PadRight(width) + scenario.Description);
        }
    }
}

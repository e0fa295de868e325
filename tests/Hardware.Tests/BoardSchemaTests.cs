using System.Text.Json;
using Json.Schema;
using Kiosk.Tests;
using static Kiosk.Hardware.Tests.Boards;

namespace Kiosk.Hardware.Tests;

/// <summary>hardware/board.schema.json and the loader must agree on what a board file looks like.</summary>
public class BoardSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "board.schema.json")));

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Theory]
    [MemberData(nameof(Committed), MemberType = typeof(Boards))]
    public void CommittedBoardsMatchTheSchema(string name)
    {
        var result = Evaluate(File.ReadAllText(JsonPath(name)));

        IEnumerable<string> errors = (result.Details ?? []).Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("; ", errors));
    }

    [Fact]
    public void SchemaRejectsAMisspeltKeyLikeTheLoader()
    {
        Assert.False(Evaluate(Edited(Mat48, b => b["display"]!.AsObject().Add("csGPIO", 5))).IsValid);
    }

    [Fact]
    public void SchemaWantsTheShiftPinsForAShiftChain()
    {
        Assert.False(Evaluate(Edited(Mat48, b => b["rowDriver"]!.AsObject().Remove("latchGpio"))).IsValid);
    }

    [Theory]
    [InlineData(Wroom32, true)]
    [InlineData(WroverE, true)]
    [InlineData("ESP32-WROVER", false)]
    public void SchemaOffersTheModulesTheValidatorKnows(string module, bool valid)
    {
        // An editor completes the module's name; the older ESP32-WROVER and WROVER-B are other modules, not checked here.
        Assert.Equal(valid, Evaluate(Edited(Mat48, b => b["controller"]!["module"] = module)).IsValid);
        Assert.Equal(valid, Esp32Module.Named(module) != null);
    }
}

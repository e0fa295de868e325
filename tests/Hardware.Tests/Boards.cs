using System.Text.Json.Nodes;
using Kiosk.Hardware;
using Kiosk.Tests;

namespace Kiosk.Hardware.Tests;

/// <summary>The committed board definitions, and variants of them with one thing changed.</summary>
public static class Boards
{
    public const string Mat48 = "mat-48x48-10mm";
    public const string Mat64 = "mat-64x64-7.5mm";

    public static TheoryData<string> Committed => new() { Mat48, Mat64 };

    public const string WroverE = "ESP32-WROVER-E";
    public const string Wroom32 = "ESP32-WROOM-32";

    /// <summary>Every module the validator knows, each with every one of <paramref name="gpios"/>: a pin rule holds on both.</summary>
    public static TheoryData<string, int> OnEveryModule(int[] gpios)
    {
        var data = new TheoryData<string, int>();
        foreach (Esp32Module module in Esp32Module.Known)
        {
            foreach (int gpio in gpios)
            {
                data.Add(module.Name, gpio);
            }
        }
        return data;
    }

    public static string JsonPath(string name) => Path.Combine(RepositoryPaths.Root, "hardware", name + ".json");

    public static BoardDefinition Load(string name) => BoardDefinitionFile.Load(JsonPath(name));

    /// <summary>A committed board with <paramref name="change"/> applied to its JSON, as a technician would edit it.</summary>
    public static string Edited(string name, Action<JsonObject> change)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(JsonPath(name)))!.AsObject();
        change(json);
        return json.ToJsonString(new() { WriteIndented = true });
    }

    public static BoardDefinition Variant(string name, Action<JsonObject> change) =>
        BoardDefinitionFile.Parse(Edited(name, change), name + "-edited.json");

    public static IReadOnlyList<BoardFault> FaultsOf(string name, Action<JsonObject> change) =>
        BoardValidator.Check(Variant(name, change));

    /// <summary>The faults of a committed board moved onto <paramref name="module"/>, with <paramref name="change"/> applied.</summary>
    public static IReadOnlyList<BoardFault> FaultsOn(string module, string name, Action<JsonObject> change) =>
        FaultsOf(name, b =>
        {
            b["controller"]!["module"] = module;
            change(b);
        });

    /// <summary>The one fault with <paramref name="code"/> (fails if there is none or more than one).</summary>
    public static BoardFault Single(IReadOnlyList<BoardFault> faults, BoardFaultCode code)
    {
        List<BoardFault> matching = faults.Where(f => f.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code} fault, got: {string.Join(" | ", faults)}");
        return matching[0];
    }

    /// <summary>
    /// A 3 x 16 mat with one GPIO per row (13, 18, 21: the shift chain's pins) and a single mux, on the 48 x 48 board's
    /// other pins: the "GPIO list for small mats" row driver.
    /// </summary>
    public static BoardDefinition SmallGpioRowMat() => Variant(Mat48, b =>
    {
        b["mat"]!["rows"] = 3;
        b["mat"]!["cols"] = 16;
        b["rowDriver"] = new JsonObject { ["kind"] = "gpio", ["rowGpios"] = Gpios(13, 18, 21) };
        b["multiplexers"]!["adcGpios"] = Gpios(36);
    });

    /// <summary>Sets the field at a dotted path ("mat.activeAreaMm.width") of a definition's JSON.</summary>
    public static void Set(JsonObject board, string path, JsonNode? value)
    {
        string[] names = path.Split('.');
        JsonNode parent = board;
        foreach (string name in names[..^1])
        {
            parent = parent[name]!;
        }
        parent[names[^1]] = value;
    }

    public static JsonArray Gpios(params int[] gpios) => new(gpios.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
}

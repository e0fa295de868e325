using System.Globalization;
using CsCheck;
using Kiosk.Tests.Fuzz;

namespace Kiosk.Display.Tests.Fuzz;

/// <summary>
/// JSON a stranger might post: objects with the endpoint's own field names (and others) holding any kind of value
/// (null, wrong types, NaN spelled out, numbers too large for any type, nested objects, odd strings), any JSON value
/// at all, or a valid body changed in a few places (often no longer JSON).
/// </summary>
public static class JsonBodies
{
    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf("0", "-0", "1", "-1", "0.5", "1e309", "-1e309", "1e-400", "99999999999999999999999", "79228162514264337593543950336", "NaN", "\"NaN\"", "\"Infinity\""));

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[0, 24],
        Gen.Int[0, TextMutation.Tokens.Length - 1].Select(i => TextMutation.Tokens[i]),
        Gen.OneOf("staff", "tech", "admin", "insole", "running-shoe", "wide", "zero", "calibrate", "pair", "unpair", "everyday",
            "00112233445566778899aabbccddeeff", "240ac4123456", "<script>alert(1)</script>"))
        .Select(s => JsonSerializer.Serialize(s));

    private static Gen<string> Value(int depth, string[] fields) => depth == 0
        ? Gen.Frequency((1, Gen.Const("null")), (1, Gen.Bool.Select(b => b ? "true" : "false")), (3, Number), (3, Text))
        : Gen.Frequency(
            (1, Gen.Const("null")), (1, Gen.Bool.Select(b => b ? "true" : "false")), (3, Number), (3, Text),
            (1, Value(depth - 1, fields).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Object(depth - 1, fields)));

    private static Gen<string> Object(int depth, string[] fields) =>
        Gen.Select(Gen.Frequency((4, Gen.OneOf(fields)), (1, Gen.String[0, 8])), Value(depth, fields))
            .Array[0, fields.Length + 2]
            .Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>Bodies for an endpoint whose JSON has <paramref name="fields"/>, around the valid <paramref name="sample"/>.</summary>
    public static Gen<string> For(string sample, params string[] fields) => Gen.Frequency(
        (6, Object(2, fields)),
        (2, Value(2, fields)),
        (3, TextMutation.Of(sample)));
}

using CsCheck;

namespace Kiosk.Tests.Fuzz;

/// <summary>
/// Inputs a stranger might hand a parser: a valid sample changed in a few places (cut, inserted, replaced, lines
/// doubled or dropped, cut short) with tokens that break parsers (quotes, separators, NaN, huge numbers, NUL, lone
/// surrogates, very long cells), or plain random text. A changed valid sample reaches deeper than noise does.
/// </summary>
public static class TextMutation
{
    public static readonly string[] Tokens =
    [
        "", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "=", "#", "-", "+", ".", "e", "E", "0", "-1", "-0", "1.5", "NaN",
        "Infinity", "-Infinity", "1e309", "-1e309", "99999999999999999999", "2147483648", "-2147483649", "0x10", "\u0000",
        "\uFEFF", "ü", "\uD83D\uDE00", "\uD800", " ", "\t", "=cmd|' /C calc'!A0", "null", "true", "{", "}", "[", "]", ":",
        new string('9', 400), new string('a', 5000),
    ];

    private sealed record Edit(int Kind, int Where, int Length, int Token);

    private static readonly Gen<Edit> Edits = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.Int[0, Tokens.Length - 1],
        (kind, where, length, token) => new Edit(kind, where, length, token));

    /// <summary>The sample with 1 to 8 edits (mostly), or random text (sometimes).</summary>
    public static Gen<string> Of(string sample) => Gen.Frequency(
        (8, Edits.Array[1, 8].Select(edits => Apply(sample, edits))),
        (1, Gen.OneOf(Gen.Const(""), Gen.Char.Array[0, 200].Select(c => new string(c)), Gen.Int[0, Tokens.Length - 1].Array[0, 30].Select(t => string.Concat(t.Select(i => Tokens[i]))))),
        (1, Gen.Const(sample)));

    /// <summary>UTF-8 bytes of <see cref="Of"/>, or those bytes with a few bytes flipped (invalid UTF-8 included).</summary>
    public static Gen<byte[]> BytesOf(string sample) =>
        Gen.Select(Of(sample), Gen.Int[0, int.MaxValue].Array[0, 4], Gen.Byte.Array[4], (text, where, values) =>
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            for (int i = 0; i < where.Length && bytes.Length > 0; i++)
            {
                bytes[where[i] % bytes.Length] = values[i];
            }
            return bytes;
        });

    private static string Apply(string text, Edit[] edits)
    {
        foreach (Edit edit in edits)
        {
            int at = text.Length == 0 ? 0 : edit.Where % (text.Length + 1);
            int length = Math.Min(edit.Length, text.Length - at);
            string token = Tokens[edit.Token];
            text = edit.Kind switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, token),
                2 => text.Remove(at, length).Insert(at, token),
                3 => Lines(text, at, (lines, i) => lines.Insert(i, lines[i])),
                4 => Lines(text, at, (lines, i) => lines.RemoveAt(i)),
                _ => text[..at],
            };
        }
        return text;
    }

    private static string Lines(string text, int at, Action<List<string>, int> change)
    {
        var lines = text.Split('\n').ToList();
        int line = text[..at].Count(c => c == '\n');
        change(lines, Math.Min(line, lines.Count - 1));
        return string.Join('\n', lines);
    }
}

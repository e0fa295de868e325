using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Hardware;

/// <summary>Reads hardware/*.json. Strict: an unknown or misspelt key is an error, not silently ignored.</summary>
public static class BoardDefinitionFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        // Records read through their constructor (Display): a missing key is an error there too, as for required members.
        RespectRequiredConstructorParameters = true,
    };

    public static BoardDefinition Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BoardFileException(path, 0, 0, "no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BoardFileException(path, 0, 0, $"cannot be read: {e.Message}");
        }
        return Parse(json, path);
    }

    public static BoardDefinition Parse(string json, string fileName = "board.json")
    {
        try
        {
            return JsonSerializer.Deserialize<BoardDefinition>(json, Options)
                ?? throw new BoardFileException(fileName, 0, 0, "holds null, not a board definition object");
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0; editors count from 1.
            int line = e.LineNumber is long l ? (int)l + 1 : 0;
            int column = e.BytePositionInLine is long b ? (int)b + 1 : 0;
            throw new BoardFileException(fileName, line, column, Describe(e));
        }
        catch (ArgumentException e) when (e.InnerException is System.Text.EncoderFallbackException)
        {
            // Text that is not Unicode (a lone surrogate) cannot even be handed to the JSON reader.
            throw new BoardFileException(fileName, 0, 0, "is not valid Unicode text");
        }
    }

    /// <summary>The parser's sentence without its "Path: ... | LineNumber: ..." tail, which the position replaces.</summary>
    private static string Describe(JsonException e)
    {
        string message = e.Message;
        int tail = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (tail >= 0)
        {
            message = message[..tail];
        }
        return e.Path is { Length: > 1 } path ? $"{message} (at {path})" : message;
    }
}

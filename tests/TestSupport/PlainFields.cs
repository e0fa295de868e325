namespace Kiosk.Tests;

/// <summary>
/// Copies one object of plain public fields onto another of the same type, into its read-only sub-objects too
/// (the core's ScanAnalysis and its FootMeasures): a field added later is copied without anyone remembering it.
/// </summary>
public static class PlainFields
{
    public static void Copy(object from, object to)
    {
        foreach (var field in from.GetType().GetFields())
        {
            if (field.IsInitOnly)
            {
                Copy(field.GetValue(from)!, field.GetValue(to)!);
            }
            else
            {
                field.SetValue(to, field.GetValue(from));
            }
        }
    }
}

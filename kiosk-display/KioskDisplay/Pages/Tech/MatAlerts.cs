using System.Text.Json;

namespace Kiosk.Display.Pages.Tech;

/// <summary>Something about a mat that a technician should see to: <see cref="Kind"/> "offline" or "faulty-sensels".</summary>
public sealed record MatAlert(string DeviceId, string Kind, string Text);

/// <summary>
/// What needs a technician on the technician page: a paired mat that is offline, and a mat whose self-test found
/// faulty sensels the technician has not marked as seen. The sensels seen are kept per mat (setting
/// <c>sensels-seen:MAT</c>), so a map that grows raises the alert again for the new sensels only, and a mat whose
/// faults are known and accepted stays quiet.
/// </summary>
public sealed class MatAlerts(ISettingsStore settings, StoreClock clock)
{
    private static string SeenKey(string deviceId) => "sensels-seen:" + deviceId;

    public async Task<IReadOnlyList<MatAlert>> ForAsync(IEnumerable<DeviceRecord> devices, CancellationToken ct)
    {
        var alerts = new List<MatAlert>();
        foreach (var device in devices)
        {
            var s = device.Status;
            if (device.Paired && !s.Online)
            {
                alerts.Add(new MatAlert(s.DeviceId, "offline", s.FirmwareVersion == "unknown"
                    ? $"Mat {s.DeviceId} is paired but has not connected since."
                    : $"Mat {s.DeviceId} is offline: last heard from {clock.Local(s.LastSeen):yyyy-MM-dd HH:mm}."));
            }
            var fresh = await NewFaultySenselsAsync(device, ct);
            if (fresh.Count > 0)
            {
                alerts.Add(new MatAlert(s.DeviceId, "faulty-sensels",
                    $"Mat {s.DeviceId}: {fresh.Count} new faulty sensel{(fresh.Count == 1 ? "" : "s")} in its self-test ({Kinds(fresh)})."));
            }
        }
        return alerts;
    }

    /// <summary>The faulty sensels of the mat's latest self-test that the technician has not marked as seen, with their kinds.</summary>
    public async Task<IReadOnlyList<(int Index, int Kind)>> NewFaultySenselsAsync(DeviceRecord device, CancellationToken ct)
    {
        if (device.Status.DeadSensels is not { Indices.Length: > 0 } map)
        {
            return [];
        }
        var seen = await SeenAsync(device.Status.DeviceId, ct);
        return map.Indices.Select((index, k) => (Index: index, Kind: map.Kinds is { } kinds && k < kinds.Length ? kinds[k] : 0))
            .Where(f => !seen.Contains(f.Index)).ToList();
    }

    /// <summary>The technician has seen the mat's faulty sensels as they are now: no alert until the self-test finds others.</summary>
    public Task MarkSeenAsync(DeviceRecord device, CancellationToken ct) =>
        settings.SetSettingAsync(SeenKey(device.Status.DeviceId), JsonSerializer.Serialize(device.Status.DeadSensels?.Indices ?? []), ct);

    private async Task<HashSet<int>> SeenAsync(string deviceId, CancellationToken ct) =>
        await settings.GetSettingAsync(SeenKey(deviceId), ct) is { } json ? [.. JsonSerializer.Deserialize<int[]>(json) ?? []] : [];

    private static string Kinds(IEnumerable<(int Index, int Kind)> faults) =>
        string.Join(", ", faults.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {DeadSenselMap.KindName(g.Key)}"));
}

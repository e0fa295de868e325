namespace Kiosk.Display.Tests;

/// <summary>
/// How long a live frame takes from the mat to the shopper's screen, at the mat's real 20 frames a second: the
/// built-in virtual mat notes the wall time as it hands each frame to its link (FrameDepartures), and the page
/// stamps each drawn frame against it: encoding, loopback TCP, the listener, the feed, Server-Sent Events and the
/// drawing. The figures go to the test output for the note.
/// </summary>
[Collection("browser")]
public sealed class LatencyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task PageRecordsTheLatencyOfEveryDrawnFrameAtTwentyFramesASecond()
    {
        await using var server = KioskServer.WithFastVirtualMat(("VirtualMat:Speed", "1"), ("VirtualMat:FramesPerSecond", "20"));
        var address = server.StartKestrel();
        // Generous: on a loaded 2-core machine the first shopper can take a while to reach the page.
        var page = await browser.PageAsync(baseAddress: address, timeoutMs: 90_000);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#live:not([hidden])");
        await page.WaitForFunctionAsync("() => window.kioskStats.samples.length > 0");
        await page.WaitForSelectorAsync("#result:not([hidden])");
        string json = await page.EvaluateAsync<string>("() => JSON.stringify(window.kioskStats)");
        using var stats = JsonDocument.Parse(json);
        double[] samples = stats.RootElement.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()).OrderBy(v => v).ToArray();
        int dropped = stats.RootElement.GetProperty("dropped").GetInt32();
        // What must hold on any machine: frames are drawn and each has its figure. How many and how fast is a
        // measurement (the output line below, and docs in kiosk-display/README.md), never a pass or a fail.
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.True(s >= 0, "a frame drawn before it left the mat: clocks disagree"));
        double median = samples[samples.Length / 2];
        double p95 = samples[(int)Math.Ceiling(samples.Length * 0.95) - 1];
        string figure = $"latency from the virtual mat's send to drawn, {samples.Length} frames at 20/s: median {median:F0} ms, 95th percentile {p95:F0} ms, max {samples[^1]:F0} ms; {dropped} frames replaced before drawing";
        output.WriteLine(figure);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "kiosk-latency.txt"), figure + Environment.NewLine);
        await page.Context.CloseAsync();
    }
}

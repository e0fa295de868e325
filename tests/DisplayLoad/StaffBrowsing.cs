using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Kiosk.LoadTest;

/// <summary>
/// Staff and a technician at their pages while the mats run: each signs in and fetches its pages one after another
/// with a short pause, as a person clicking through would (a little faster). Each fetch's time is kept.
/// </summary>
public sealed class StaffBrowsing(Uri display)
{
    private readonly List<double> _latenciesMs = [];
    public int Failed;

    public IReadOnlyList<double> LatenciesMs
    {
        get { lock (_latenciesMs) return [.. _latenciesMs]; }
    }

    public Task RunAsync(CancellationToken until) => Task.WhenAll(
        BrowseAsync("staff", ["/staff", "/staff/catalog", "/api/staff/catalog", "/staff/settings"], until),
        BrowseAsync("tech", ["/tech", "/api/tech/devices"], until));

    private async Task BrowseAsync(string account, string[] pages, CancellationToken until)
    {
        HttpClient? client = null;
        for (int i = 0; !until.IsCancellationRequested; i++)
        {
            try
            {
                client ??= await SignInAsync(account, until);
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(pages[i % pages.Length], until);
                await response.Content.ReadAsByteArrayAsync(until);
                clock.Stop();
                if (response.IsSuccessStatusCode)
                {
                    lock (_latenciesMs) _latenciesMs.Add(clock.Elapsed.TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref Failed);
                    // after the display's restart the old cookie may be gone: sign in again
                    client.Dispose();
                    client = null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !until.IsCancellationRequested)
            {
                Interlocked.Increment(ref Failed);
                client?.Dispose();
                client = null;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await Task.Delay(200, until).ContinueWith(_ => { });
        }
        client?.Dispose();
    }

    private async Task<HttpClient> SignInAsync(string account, CancellationToken until)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = display,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { name = account, password = account }, until);
        if (!response.IsSuccessStatusCode)
        {
            client.Dispose();
            throw new HttpRequestException($"sign-in as {account}: {(int)response.StatusCode}");
        }
        return client;
    }
}

namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// Time limits that only turn a hang into a failure. No test asserts on how long anything took: each waits for an
/// event, and these limits are far above what the event needs on a loaded 2-core machine.
/// </summary>
public static class Guard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(Task task) => task.WaitAsync(Timeout);

    /// <summary>Polls <paramref name="condition"/> until it holds, at most <see cref="Timeout"/>; fails the test otherwise.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}

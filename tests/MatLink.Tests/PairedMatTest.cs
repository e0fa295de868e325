namespace Kiosk.Display.MatLink.Tests;

/// <summary>
/// A test that starts with the usual scene: a running link (<see cref="LinkHarness.StartWithMatAsync"/>) and the paired
/// fake mat connected, its Hello answered. xunit makes one instance per test, so each test gets its own link, closed
/// after it; a test that needs other options or a mat not yet connected starts its own <see cref="LinkHarness"/>.
/// </summary>
public abstract class PairedMatTest : IAsyncLifetime
{
    protected LinkHarness Link { get; private set; } = null!;

    /// <summary>The paired mat of <see cref="Link"/>.</summary>
    protected FakeMat Mat => Link.Mat;

    public async Task InitializeAsync() => Link = await LinkHarness.StartWithMatAsync();

    public async Task DisposeAsync() => await Link.DisposeAsync();
}

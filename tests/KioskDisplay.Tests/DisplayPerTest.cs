namespace Kiosk.Display.Tests;

/// <summary>
/// A test class whose every test gets a display of its own (<see cref="KioskServer"/>, a fresh store), disposed after
/// the test. <paramref name="startHost"/>: start the host and its hosted services (the shopper sessions) before the
/// test, rather than at its first request.
/// </summary>
public abstract class DisplayPerTest(KioskServer? server = null, bool startHost = false) : IAsyncLifetime
{
    protected readonly KioskServer server = server ?? new KioskServer();

    public virtual Task InitializeAsync()
    {
        if (startHost)
        {
            server.Client();
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}

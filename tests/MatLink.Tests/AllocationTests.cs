namespace Kiosk.Display.MatLink.Tests;

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public class AllocationCollection;

/// <summary>Alone in its collection, so the process's allocation counter sees only this test's traffic.</summary>
[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    private const int GarbageBytes = 12 * 1024 * 1024;

    [Fact]
    public async Task EndlessPacketIsNotBufferedWhileItStreamsIn()
    {
        await using var link = await LinkHarness.StartWithMatAsync();
        var mat = link.Mat;
        byte[] endless = new byte[GarbageBytes];
        Array.Fill(endless, (byte)0x33);
        await mat.SendStatusAsync(1);
        await link.Sink.Statuses.NextAsync();

        long before = GC.GetTotalAllocatedBytes(precise: true);
        await mat.SendRawAsync(new byte[] { 0 });
        await mat.SendRawAsync(endless);
        await mat.SendStatusAsync(2);
        Assert.Equal(2u, (await link.Sink.Statuses.NextAsync()).UptimeSeconds);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Buffering the packet would take at least its own size; the decoder holds at most MaxPacketBytes.
        Assert.True(allocated < GarbageBytes / 4, $"allocated {allocated} bytes while {GarbageBytes} bytes of one packet streamed in");
    }
}

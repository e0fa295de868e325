namespace Kiosk.Mat.Tests.Protocol;

public class ResultOutboxTests
{
    private static byte[] PayloadFor(uint counter, int length) =>
        Enumerable.Range(0, length).Select(i => (byte)(counter * 31 + i)).ToArray();

    /// <summary>Offers a result of this many bytes at time 0, its payload made from its counter.</summary>
    private static bool Add(ResultOutbox outbox, uint counter, int length) =>
        outbox.TryAdd(counter, PayloadFor(counter, length), 0, length, nowMs: 0);

    private static byte[] Held(ResultOutbox outbox, int index) =>
        outbox.Pool.AsSpan(outbox.OffsetAt(index), outbox.LengthAt(index)).ToArray();

    [Fact]
    public void FullOutboxRefusesTheNewestAndKeepsEveryHeldResult()
    {
        var outbox = new ResultOutbox(capacity: 2, poolBytes: 1000);
        Assert.True(Add(outbox, 1, 10));
        Assert.True(Add(outbox, 2, 10));

        Assert.False(Add(outbox, 3, 10));
        Assert.True(outbox.Refusing);
        Assert.Equal([1u, 2u], [outbox.CounterAt(0), outbox.CounterAt(1)]);

        Assert.True(outbox.Acknowledge(1));
        Assert.True(Add(outbox, 3, 10));
        Assert.False(outbox.Refusing);
        Assert.Equal(PayloadFor(2, 10), Held(outbox, 0));
        Assert.Equal(PayloadFor(3, 10), Held(outbox, 1));
    }

    [Fact]
    public void OutboxOutOfBytesRefusesLikeAFullOne()
    {
        var outbox = new ResultOutbox(capacity: 8, poolBytes: 25);
        Assert.True(Add(outbox, 1, 20));
        Assert.False(Add(outbox, 2, 6));
        Assert.True(Add(outbox, 2, 5));
    }

    [Fact]
    public void AcknowledgingTheMiddleResultKeepsTheOthersIntact()
    {
        var outbox = new ResultOutbox(capacity: 4, poolBytes: 100);
        for (uint c = 1; c <= 3; c++)
        {
            Add(outbox, c, (int)c * 7);
        }
        Assert.True(outbox.Acknowledge(2));
        Assert.False(outbox.Acknowledge(2));
        Assert.Equal(2, outbox.Count);
        Assert.Equal(PayloadFor(1, 7), Held(outbox, 0));
        Assert.Equal(PayloadFor(3, 21), Held(outbox, 1));
    }

    [Fact]
    public void NothingIsDueWhileDisconnectedAndEverythingAtOnceAfterReconnect()
    {
        var outbox = new ResultOutbox(capacity: 4, poolBytes: 100);
        Add(outbox, 1, 5);
        Assert.Equal(-1, outbox.NextDue(100_000));

        outbox.OnConnected(nowMs: 100);
        Assert.Equal(0, outbox.NextDue(100));
        outbox.MarkSent(0, 100);
        Assert.Equal(-1, outbox.NextDue(100));

        outbox.OnDisconnected();
        outbox.OnConnected(nowMs: 200);
        Assert.Equal(0, outbox.NextDue(200));
    }

    [Fact]
    public void UnacknowledgedResultIsResentWithDoublingBackoffUpToTheMaximum()
    {
        var outbox = new ResultOutbox(capacity: 1, poolBytes: 10);
        Add(outbox, 9, 5);
        // Start near the int wrap: uptime counters wrap, and deadlines must survive it.
        int now = int.MaxValue - 5000;
        outbox.OnConnected(now);
        var waits = new List<int>();
        for (int send = 0; send < 9; send++)
        {
            int sentAt = now;
            Assert.Equal(0, outbox.NextDue(now));
            outbox.MarkSent(0, now);
            while (outbox.NextDue(now) < 0)
            {
                now = unchecked(now + 250);
            }
            waits.Add(unchecked(now - sentAt));
        }
        Assert.Equal([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000], waits);
    }

    /// <summary>
    /// Random schedules of scans, time, disconnects, reconnects and lost packets both ways, then a good link:
    /// every result reaches the display with its own bytes, the display stores each id once, and the outbox sees
    /// each id acknowledged exactly once. The outbox is small so that "full" happens often.
    /// </summary>
    [Fact]
    public void EveryResultIsDeliveredAndAcknowledgedOnceWhateverTheLinkDoes()
    {
        var step = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 70_000], Gen.Int[0, 3], Gen.Int[5, 60]);
        step.Array[1, 60].Sample(steps =>
        {
            var outbox = new ResultOutbox(capacity: 3, poolBytes: 120);
            var created = new Dictionary<uint, byte[]>();
            var stored = new Dictionary<uint, byte[]>();
            var acknowledged = new Dictionary<uint, int>();
            uint nextCounter = 1;
            byte[]? heldPayload = null;
            int now = 0;
            int lossPattern = 0;
            int attempt = 0;

            void ScanOrRetryHeld(int length)
            {
                if (heldPayload == null)
                {
                    heldPayload = PayloadFor(nextCounter, length);
                    created[nextCounter] = heldPayload;
                }
                if (outbox.TryAdd(nextCounter, heldPayload, 0, heldPayload.Length, now))
                {
                    heldPayload = null;
                    nextCounter++;
                }
            }

            void SendDue()
            {
                for (int index = outbox.NextDue(now); index >= 0; index = outbox.NextDue(now))
                {
                    uint counter = outbox.CounterAt(index);
                    byte[] onWire = Held(outbox, index);
                    outbox.MarkSent(index, now);
                    attempt++;
                    bool resultLost = ((lossPattern >> (attempt % 2)) & 1) == 1;
                    bool ackLost = ((lossPattern >> ((attempt + 1) % 2)) & 1) == 1 && attempt % 3 == 0;
                    if (resultLost)
                    {
                        continue;
                    }
                    // The display's rule: store an id the first time, acknowledge it every time.
                    stored.TryAdd(counter, onWire);
                    if (!ackLost && outbox.Acknowledge(counter))
                    {
                        acknowledged[counter] = acknowledged.GetValueOrDefault(counter) + 1;
                    }
                }
            }

            foreach (var (kind, amount, loss, length) in steps)
            {
                lossPattern = loss;
                switch (kind)
                {
                    case 0: ScanOrRetryHeld(length); break;
                    case 1: now = unchecked(now + amount); break;
                    case 2: outbox.OnDisconnected(); break;
                    case 3: outbox.OnConnected(now); break;
                    default: ScanOrRetryHeld(length); ScanOrRetryHeld(length); break;
                }
                SendDue();
            }

            // Then the link comes back and stays good until everything is through.
            lossPattern = 0;
            outbox.OnConnected(now);
            for (int round = 0; round < 100 && (outbox.Count > 0 || heldPayload != null); round++)
            {
                if (heldPayload != null)
                {
                    ScanOrRetryHeld(heldPayload.Length);
                }
                now = unchecked(now + ResultOutbox.MaxBackoffMs);
                SendDue();
            }

            Assert.Equal(0, outbox.Count);
            Assert.Null(heldPayload);
            Assert.Equal(created.Keys.Order(), stored.Keys.Order());
            Assert.All(created, pair => Assert.Equal(pair.Value, stored[pair.Key]));
            Assert.Equal(created.Keys.Order(), acknowledged.Keys.Order());
            Assert.All(acknowledged.Values, count => Assert.Equal(1, count));
        }, iter: 20_000);
    }
}

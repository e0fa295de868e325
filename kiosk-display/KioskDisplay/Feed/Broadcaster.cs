using System.Threading.Channels;

namespace Kiosk.Display.Feed;

/// <summary>
/// Fans one stream out to many readers, each with its own small bounded queue that drops its oldest item when the
/// reader falls behind: a slow browser never slows the mat or the other readers.
/// </summary>
public sealed class Broadcaster<T>(int capacityPerReader = 64)
{
    private readonly Lock gate = new();
    private readonly List<Channel<T>> readers = [];

    public void Publish(T item)
    {
        lock (gate)
        {
            foreach (var channel in readers)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }

    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacityPerReader)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            readers.Add(channel);
        }
        return new Subscription(this, channel);
    }

    private void Remove(Channel<T> channel)
    {
        lock (gate)
        {
            readers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(Broadcaster<T> owner, Channel<T> channel) : IDisposable
    {
        public ChannelReader<T> Reader => channel.Reader;

        public void Dispose() => owner.Remove(channel);
    }
}

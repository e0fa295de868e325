namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Reads the mat's columns through analogue multiplexers (CD74HC4067, 16 channels each), one ADC input
    /// per multiplexer. All multiplexers share their select lines, so one <see cref="SelectChannel"/> connects
    /// channel c of every multiplexer at once and each multiplexer's ADC input is then read.
    /// Column of (mux, channel) = mux * ChannelsPerMux + channel.
    /// </summary>
    public interface IColumnReader
    {
        /// <summary>Number of multiplexers, each wired to its own ADC input.</summary>
        int MuxCount { get; }

        /// <summary>Channels per multiplexer (16 for the CD74HC4067).</summary>
        int ChannelsPerMux { get; }

        /// <summary>Sets the shared select lines to <paramref name="channel"/> (0 .. ChannelsPerMux - 1).</summary>
        void SelectChannel(int channel);

        /// <summary>One conversion of multiplexer <paramref name="mux"/>'s ADC input, raw counts (12-bit: 0..4095).</summary>
        int ReadMux(int mux);
    }
}

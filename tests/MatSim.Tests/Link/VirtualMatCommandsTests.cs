using Kiosk.Mat.Device;

namespace Kiosk.Mat.Simulation.Tests.Link;

/// <summary>
/// The virtual mat (the display's built-in demo mat and <c>matctl simulate</c>) runs the device's own loop, commands
/// included: a technician's Zero and Calibrate are carried out as a real mat carries them out, not answered busy.
/// </summary>
public class VirtualMatCommandsTests
{
    private static readonly MatGeometry Mat48 = new(48, 48, 10000);

    [Fact]
    public void ZeroIsTakenOnTheEmptyMatRefusedUnderAShopperAndCalibrateScalesToTheKnownWeight()
    {
        var display = new ScriptedDisplayTransport();
        var mat = new VirtualMat(Mat48) { Dial = () => display };
        mat.Start();
        int[] empty = new int[Mat48.SenselCount];
        Steps(mat, empty, 10);
        Assert.True(mat.Link.Paired);

        uint zero = display.SendCommand(MessageType.CalibrateZero, []);
        Steps(mat, empty, 2);

        int[] standing = new int[Mat48.SenselCount];
        ShopperScenarios.Find("normal-arches-still")!.Timeline(Mat48).LoadAt(4000, standing);
        Steps(mat, standing, 20);
        int before = mat.Device.Tracker.TotalLoadGrams;
        uint busyZero = display.SendCommand(MessageType.CalibrateZero, []);
        // The technician says the shopper weighs a fifth less than the mat reads: the gain must follow.
        int knownGrams = before * 4 / 5;
        byte[] gainPayload = new byte[16];
        int gainBytes = new CalibrateGainMessage { KnownWeightGrams = knownGrams }.EncodePayload(gainPayload, 0, gainPayload.Length);
        uint gain = display.SendCommand(MessageType.CalibrateGain, gainPayload[..gainBytes]);
        Steps(mat, standing, 2);

        Assert.Equal([(zero, AckStatus.Ok), (busyZero, AckStatus.Busy), (gain, AckStatus.Ok)], display.AcksFromDevice);
        Assert.InRange(mat.Device.Tracker.TotalLoadGrams, knownGrams * 0.95, knownGrams * 1.02);
    }

    [Fact]
    public void CalibrateScansAFrameOfItsOwnSoTheTicksRawFrameMayBeBorrowedAfterItsCalibration()
    {
        var display = new ScriptedDisplayTransport();
        var mat = new VirtualMat(Mat48) { Dial = () => display };
        mat.Start();
        Steps(mat, new int[Mat48.SenselCount], 10);
        int[] standing = new int[Mat48.SenselCount];
        ShopperScenarios.Find("normal-arches-still")!.Timeline(Mat48).LoadAt(4000, standing);
        Steps(mat, standing, 20);
        int knownGrams = mat.Device.Tracker.TotalLoadGrams * 4 / 5;

        // Scratch in the raw frame after the tick's calibration, as an analysis that borrowed it would leave it: the
        // live frame goes out after the calibration and before the link's poll carries out the command.
        mat.Device.FrameListener = new RawFrameScribbler(mat.Device.Loop.Frame, mat.Device.FrameListener);
        byte[] gainPayload = new byte[16];
        int gainBytes = new CalibrateGainMessage { KnownWeightGrams = knownGrams }.EncodePayload(gainPayload, 0, gainPayload.Length);
        uint gain = display.SendCommand(MessageType.CalibrateGain, gainPayload[..gainBytes]);
        Steps(mat, standing, 20);

        Assert.Equal([(gain, AckStatus.Ok)], display.AcksFromDevice);
        Assert.InRange(mat.Device.Tracker.TotalLoadGrams, knownGrams * 0.95, knownGrams * 1.02);
    }

    private sealed class RawFrameScribbler(ushort[] raw, ILiveFrameListener? next) : ILiveFrameListener
    {
        public void OnSending(int capturedAtMs)
        {
            Array.Fill(raw, (ushort)3000);
            next?.OnSending(capturedAtMs);
        }
    }

    private static void Steps(VirtualMat mat, int[] load, int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            mat.Step(load);
        }
    }
}

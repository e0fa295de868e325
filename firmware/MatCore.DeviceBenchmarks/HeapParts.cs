using System;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.DeviceBenchmarks
{
    /// <summary>
    /// Builds one part of the device's heap and stays alive with it, so that `nf-run --min-heap` on a build with
    /// -p:HeapPart=NAME weighs that part alone: "bench" (the runtime's own floor, the fake grid, the film and the
    /// display in memory), "analysis" (the bench and the FootAnalyzer with a standing frame analysed), "device" (the bench
    /// and a powered-on MatDevice with its analyzer). The full run (no HeapPart) adds 200 frames of a shopper.
    /// </summary>
    public static class HeapParts
    {
        public static void Run(string part, int rows, int pitchUm)
        {
            DeviceRun run = new DeviceRun(rows, pitchUm, false, part == "device");
            if (part == "analysis")
            {
                // The device's analyzer and the frame it reads (the tracker's on a device): the difference to "bench"
                // is the analysis's heap.
                int[] frame = new int[run.Geometry.SenselCount];
                FootAnalyzer analyzer = new FootAnalyzer(run.Geometry, run.Settings.Analysis);
                for (int i = 0; i < frame.Length; i++)
                {
                    frame[i] = (i / rows) % 7 == 0 ? 0 : 500;
                }
                analyzer.Analyze(frame, null, new ScanAnalysis());
            }
            else if (part == "device")
            {
                run.PowerOn();
                run.Empty(20);
            }
            Console.WriteLine("heap part " + part + " built");
            Console.WriteLine(Program.DoneMarker);
        }
    }
}

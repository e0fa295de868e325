using System;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Calibration;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.DeviceTests.Shoppers;
using Kiosk.Mat.Geometry;

namespace Kiosk.Mat.DeviceBenchmarks
{
    /// <summary>
    /// Builds one part of the device's heap and stays alive with it, so that `nf-run --min-heap` on a build with
    /// -p:HeapPart=NAME weighs that part alone: "bench" (the runtime's own floor, the fake grid, the film and the
    /// display in memory), "analysis" (the bench and the FootAnalyzer with a standing shopper's window analysed), "spread" (the
    /// same with the worst window: as full as it may get, spread over the whole mat; compiled only into its own build, so
    /// the other parts carry none of its code), "device" (the bench and a powered-on
    /// MatDevice with its analyzer). The full run (no HeapPart) adds 200 frames of a shopper.
    /// </summary>
    public static class HeapParts
    {
        public static void Run(string part, int rows, int pitchUm)
        {
            DeviceRun run = new DeviceRun(rows, pitchUm, false, part == "device");
            if (part == "analysis")
            {
                // The device's analyzer and what it reads, the tracker's still-window sum (a list of the loaded sensels,
                // as large as the device's), holding the benchmark's standing shopper: the difference to "bench" is the
                // analysis's heap, its peak included.
                ScriptedShopper shopper = ScriptedShopper.Standing("normal-arches-still", StandingFeet.NormalArch, StandingFeet.NormalArch, 500, rows);
                int leftPpm;
                int rightPpm;
                shopper.SharesAt(3000, out leftPpm, out rightPpm);
                LoadedSensels window = new LoadedSensels(LoadedSensels.WindowCapacityFor(run.Geometry.SenselCount), run.Geometry.Cols);
                AddFeet(window, shopper.LeftFoot, leftPpm, shopper.RightFoot, rightPpm);
                shopper = null;
                FootAnalyzer analyzer = new FootAnalyzer(run.Geometry, run.Settings.Analysis);
                analyzer.Analyze(window, 1, null, new ScanAnalysis());
            }
#if HEAP_PART_SPREAD
            else if (part == "spread")
            {
                // The most the device's analysis can be handed: a still window as full as it may get, its sensels spread
                // over the whole mat (whole rows, evenly apart: each an island heavy enough to keep, a 75 kg shopper's
                // load spread over them), so the contact list and the contact's box are as large as they get.
                int senselCount = run.Geometry.SenselCount;
                int cols = run.Geometry.Cols;
                LoadedSensels window = new LoadedSensels(LoadedSensels.WindowCapacityFor(senselCount), cols);
                int rowsLoaded = window.Index.Length / cols;
                int grams = 75000 / (rowsLoaded * cols);
                for (int r = 0; r < rowsLoaded; r++)
                {
                    int rowStart = r * rows / rowsLoaded * cols;
                    for (int c = 0; c < cols; c++)
                    {
                        window.Add(rowStart + c, grams);
                    }
                }
                FootAnalyzer analyzer = new FootAnalyzer(run.Geometry, run.Settings.Analysis);
                analyzer.Analyze(window, 1, null, new ScanAnalysis());
                Console.WriteLine("spread: " + window.Count + " sensels loaded, " + analyzer.Map.ActiveCount + " in contact, a box of "
                    + analyzer.Map.BoxRows + " x " + analyzer.Map.BoxCols);
            }
#endif
            else if (part == "device")
            {
                run.PowerOn();
                run.Empty(20);
            }
            Console.WriteLine("heap part " + part + " built");
            Console.WriteLine(Program.DoneMarker);
        }

        /// <summary>Both feet's (index, grams) pairs at their shares into the list, in index order.</summary>
        private static void AddFeet(LoadedSensels list, ushort[] left, int leftPpm, ushort[] right, int rightPpm)
        {
            int l = 0;
            int r = 0;
            while (l < left.Length || r < right.Length)
            {
                bool fromLeft = r >= right.Length || (l < left.Length && left[l] < right[r]);
                ushort[] foot = fromLeft ? left : right;
                int k = fromLeft ? l : r;
                int grams = (int)(((long)foot[k + 1] * (fromLeft ? leftPpm : rightPpm) + 500000) / 1000000);
                if (grams > 0)
                {
                    list.Add(foot[k], grams);
                }
                if (fromLeft)
                {
                    l += 2;
                }
                else
                {
                    r += 2;
                }
            }
        }
    }
}

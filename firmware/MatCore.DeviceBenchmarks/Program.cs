using System;
using Kiosk.Mat.Analysis;
using Kiosk.Mat.Device;
using Kiosk.Mat.DeviceTests.Fakes;
using Kiosk.Mat.DeviceTests.Shoppers;

namespace Kiosk.Mat.DeviceBenchmarks
{
    /// <summary>
    /// Power-on, then 200 frames (10 s at 20 frames a second) of a standing shopper through the core's MatDevice on a
    /// fake grid, timing each tick; then the parts of a frame and the analysis apart. Prints its figures and, when the
    /// run did what a device must (one scan, its result stored by the display exactly once), the marker nf-run's
    /// --expect looks for, so `nf-run --min-heap` finds the smallest heap in which a device still works.
    /// DateTime.UtcNow is the interpreter's time on this machine: compare runs on the same machine, and convert to an
    /// ESP32 with docs/scan-cost-model.md.
    /// </summary>
    public class Program
    {
        public const string DoneMarker = "DEVICE-BENCHMARK-DONE";
        private const int Frames = 200;
#if NET
        // On .NET (MatCore.DeviceBenchmarks.DotNet) the JIT needs warm-up and a call takes microseconds: more of each.
        private const int Batches = 50;
        private const int Repeats = 20;
        private const int AnalysisRepeats = 200;
#else
        private const int Batches = 8;
        private const int Repeats = 4;
        private const int AnalysisRepeats = 3;
#endif

#if MAT_64X64
        private const int Rows = 64;
        private const int PitchUm = 7500;
#else
        private const int Rows = 48;
        private const int PitchUm = 10000;
#endif

#if HEAP_PART_BENCH
        private const string HeapPartName = "bench";
#elif HEAP_PART_ANALYSIS
        private const string HeapPartName = "analysis";
#elif HEAP_PART_DEVICE
        private const string HeapPartName = "device";
#elif HEAP_PART_SPREAD
        private const string HeapPartName = "spread";
#endif

        public static void Main()
        {
            try
            {
#if HEAP_PART
                HeapParts.Run(HeapPartName, Rows, PitchUm);
#else
                Run();
#endif
            }
            catch (Exception e)
            {
                Console.WriteLine("device benchmark failed: " + e.GetType().Name + ": " + e.Message);
            }
        }

        private static void Run()
        {
            Console.WriteLine("device benchmark: " + Rows.ToString() + " x " + Rows.ToString() + " at " + PitchUm.ToString() + " um");
            long start = DateTime.UtcNow.Ticks;
            DeviceRun run = new DeviceRun(Rows, PitchUm, false);
            run.PowerOn();
            Console.WriteLine("power-on (build, self-test, zero, hello): " + Ms(DateTime.UtcNow.Ticks - start));

            ScriptedShopper shopper = ScriptedShopper.Standing("normal-arches-still", StandingFeet.NormalArch, StandingFeet.NormalArch, 500, Rows);
            PlayFrames(run, shopper);
            MeasureParts(run, shopper);

            MatDevice device = run.Device;
            bool ok = device.Scans == 1 && run.Display.StoredResults == 1 && run.Display.DuplicateResults == 0;
            Console.WriteLine(ok ? DoneMarker : "device benchmark: the run did not deliver exactly one result");
        }

        /// <summary>
        /// The 200 frames, each tick timed whole and without the scan it ran (the fake grid times its own scan inside the
        /// tick, so a tick minus its scan is never negative). Prints the percentiles; the per-frame figures go with it.
        /// </summary>
        private static void PlayFrames(DeviceRun run, ScriptedShopper shopper)
        {
            int[] frameUs = new int[Frames];
            int[] afterScanUs = new int[Frames];
            int plainFrames = 0;
            long scanFinishingTicks = 0;
            for (int frame = 0; frame < Frames; frame++)
            {
                int leftPpm;
                int rightPpm;
                shopper.SharesAt(run.NowMs, out leftPpm, out rightPpm);
                run.Film.Show(shopper.LeftFoot, leftPpm, shopper.RightFoot, rightPpm);
                long before = run.TickTime;
                long scanBefore = run.Film.ScanTicks;
                run.Tick();
                long ticks = run.TickTime - before;
                if (run.Device.ScanFinished)
                {
                    scanFinishingTicks = ticks;
                    continue;
                }
                frameUs[plainFrames] = (int)(ticks / 10);
                afterScanUs[plainFrames] = (int)((ticks - (run.Film.ScanTicks - scanBefore)) / 10);
                plainFrames++;
            }
            SortAscending(frameUs, plainFrames);
            SortAscending(afterScanUs, plainFrames);
            Console.WriteLine("frames: " + Frames.ToString() + ", scans " + run.Device.Scans.ToString() + ", results stored by the display "
                + run.Display.StoredResults.ToString() + ", live frames " + run.Display.Frames.ToString());
            Console.WriteLine("per frame, whole tick on the fake grid: median " + frameUs[plainFrames / 2].ToString() + " us, 10th percentile "
                + frameUs[plainFrames / 10].ToString() + " us, 90th " + frameUs[plainFrames * 9 / 10].ToString()
                + " us; the frame that finished the scan " + Ms(scanFinishingTicks));
            // On a shared machine a tick is often pre-empted: the 10th percentile is the closer figure to the work itself.
            Console.WriteLine("per frame after the scan (whole tick minus its own scan over the fake grid): 10th percentile "
                + afterScanUs[plainFrames / 10].ToString() + " us, median " + afterScanUs[plainFrames / 2].ToString() + " us; budget 1000 us");
        }

        /// <summary>Each stage of a frame on a standing shopper's frame (best of batches), and the analysis on the window's mean.</summary>
        private static void MeasureParts(DeviceRun run, ScriptedShopper shopper)
        {
            MatDevice device = run.Device;
            int leftPpm;
            int rightPpm;
            shopper.SharesAt(3000, out leftPpm, out rightPpm);
            run.Film.Show(shopper.LeftFoot, leftPpm, shopper.RightFoot, rightPpm);

            long scan = long.MaxValue;
            long calibration = long.MaxValue;
            long liveFrame = long.MaxValue;
            for (int batch = 0; batch < Batches; batch++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                ushort[] raw = device.Loop.ScanFrame();
                scan = Min(scan, DateTime.UtcNow.Ticks - t0);

                // The frame path after the ADC: crosstalk for the readings that can be loads, the noise floor, grams, the list.
                t0 = DateTime.UtcNow.Ticks;
                for (int i = 0; i < Repeats; i++)
                {
                    if (device.Pipeline.Crosstalk != null)
                    {
                        device.Pipeline.Crosstalk.BeginFrame(device.Loop.ColumnSums);
                    }
                    device.Calibration.Apply(raw, null, device.Pipeline.Loaded, device.Pipeline.Crosstalk, device.Loop.Cols);
                }
                calibration = Min(calibration, (DateTime.UtcNow.Ticks - t0) / Repeats);

                long displayBefore = run.Display.BusyTicks;
                t0 = DateTime.UtcNow.Ticks;
                for (int i = 0; i < Repeats; i++)
                {
                    device.Link.SendFrame(device.Pipeline.Loaded, 0);
                }
                liveFrame = Min(liveFrame, (DateTime.UtcNow.Ticks - t0 - (run.Display.BusyTicks - displayBefore)) / Repeats);
            }
            // The tracker's step on that frame while it captures (the costliest state: the frame is added to the window's
            // sum). Steps 50 ms apart; a step that finishes a scan runs the analysis and is not counted.
            long tracker = long.MaxValue;
            int stepMs = run.NowMs;
            for (int batch = 0; batch < Batches; batch++)
            {
                for (int i = 0; i < Repeats; i++)
                {
                    stepMs += DeviceRun.FramePeriodMs;
                    long t0 = DateTime.UtcNow.Ticks;
                    bool finished = device.Tracker.Step(device.Pipeline.Loaded, stepMs, device.Calibration.Health);
                    long ticks = DateTime.UtcNow.Ticks - t0;
                    if (!finished)
                    {
                        tracker = Min(tracker, ticks);
                    }
                }
            }
            Console.WriteLine("parts per frame: scan loop over the fake grid " + Us(scan) + " (its reads stand in for the ADC), crosstalk, noise floor and calibration "
                + Us(calibration) + " (" + device.Pipeline.Loaded.Count.ToString() + " loaded sensels), tracker step " + Us(tracker)
                + ", live frame encoded and sent " + Us(liveFrame) + "; after the scan, every part on every frame: " + Us(calibration + tracker + liveFrame));

            // The standing frame as the device hands it over (a list of its loaded sensels: the still window's sum of one
            // frame), and whole (one int per sensel, as hosts pass it).
            ScanAnalysis analysis = new ScanAnalysis();
            long analyse = long.MaxValue;
            for (int i = 0; i < AnalysisRepeats; i++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                device.Tracker.Analyzer.Analyze(device.Pipeline.Loaded, 1, device.Calibration.Health, analysis);
                analyse = Min(analyse, DateTime.UtcNow.Ticks - t0);
            }
            int[] grams = device.Pipeline.LastFrameGrams(new int[run.Geometry.SenselCount]);
            ScanAnalysis wholeAnalysis = new ScanAnalysis();
            long analyseWhole = long.MaxValue;
            for (int i = 0; i < AnalysisRepeats; i++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                device.Tracker.Analyzer.Analyze(grams, device.Calibration.Health, wholeAnalysis);
                analyseWhole = Min(analyseWhole, DateTime.UtcNow.Ticks - t0);
            }
            Console.WriteLine("analysis (FootAnalyzer.Analyze on a standing frame's loaded sensels, as the device hands it over, best of " + AnalysisRepeats.ToString() + "): "
                + Ms(analyse) + " (" + Us(analyse) + "); on the whole frame " + Us(analyseWhole)
                + "; arch index x1000 left " + analysis.Left.ArchIndexX1000.ToString() + ", right " + analysis.Right.ArchIndexX1000.ToString()
                + (wholeAnalysis.Left.ArchIndexX1000 == analysis.Left.ArchIndexX1000 && wholeAnalysis.Right.ArchIndexX1000 == analysis.Right.ArchIndexX1000 ? "" : " (the whole frame's differ)"));
        }

        private static void SortAscending(int[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                int value = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > value)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        private static string Us(long ticks)
        {
            return (ticks / 10).ToString() + " us";
        }

        private static string Ms(long ticks)
        {
            return (ticks / 10000).ToString() + "." + ((ticks / 1000) % 10).ToString() + " ms";
        }
    }
}

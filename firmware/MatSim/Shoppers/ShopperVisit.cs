// The scripted shoppers' visits, written once for the virtual mat (.NET: ShopperScenarios) and the device tests in
// nanoCLR (ScriptedShopper: the device builds link this file), so it keeps to the nanoFramework subset: integers and
// arrays, no generics, no System.Math.
namespace Kiosk.Mat.Simulation.Shoppers
{
    /// <summary>
    /// A shopper's visit as keys: at each time, the share of the body on the mat and the share of that on the left
    /// foot, both per thousand; between keys both ramp linearly. Every visit steps on the left foot first, stands, then
    /// steps off, as people do; while standing, the left share sways a little (<see cref="SwayPermille"/>).
    /// </summary>
    public sealed class ShopperVisit
    {
        // The standard visit, ms: empty, first foot on, second foot on, standing (the tracker needs 0.6 s of stepping
        // on and a 3 s still window), weight onto the right foot, off, empty.
        private const int StepOnMs = 500;
        private const int BothOnMs = 1000;
        private const int SettledMs = 1500;
        private const int StepOffMs = 7000;
        private const int OffMs = 7500;
        private const int GoneMs = 8000;
        private const int EndMs = 9000;

        /// <summary>The restless shopper shifts its weight this often.</summary>
        private const int RockEveryMs = 700;

        /// <summary>While standing, the left share sways this much either way, per thousand, once every <see cref="SwayPeriodMs"/>.</summary>
        public const int SwayPermille = 15;
        public const int SwayPeriodMs = 3100;

        public readonly int[] AtMs;
        public readonly int[] OnMatPermille;
        public readonly int[] LeftPermille;

        private ShopperVisit(int[] atMs, int[] onMatPermille, int[] leftPermille)
        {
            AtMs = atMs;
            OnMatPermille = onMatPermille;
            LeftPermille = leftPermille;
        }

        public int DurationMs { get { return AtMs[AtMs.Length - 1]; } }

        /// <summary>Left foot on (carrying all), right foot on, stands with this share on the left, weight onto the right foot, off.</summary>
        public static ShopperVisit Standing(int leftSharePermille)
        {
            return new ShopperVisit(
                new int[] { 0, StepOnMs, BothOnMs, SettledMs, StepOffMs, OffMs, GoneMs, EndMs },
                new int[] { 0, 0, 500, 1000, 1000, 500, 0, 0 },
                new int[] { 1000, 1000, 1000, leftSharePermille, leftSharePermille, 0, 0, 0 });
        }

        /// <summary>Stands on the left foot only.</summary>
        public static ShopperVisit OneFoot()
        {
            return new ShopperVisit(
                new int[] { 0, StepOnMs, SettledMs, StepOffMs, GoneMs, EndMs },
                new int[] { 0, 0, 1000, 1000, 0, 0 },
                new int[] { 1000, 1000, 1000, 1000, 1000, 1000 });
        }

        /// <summary>Rocks between 75% and 25% on the left every 0.7 s and is never still: no scan may finish.</summary>
        public static ShopperVisit Restless()
        {
            int rocks = (StepOffMs - SettledMs) / RockEveryMs;
            ShopperVisit visit = new ShopperVisit(new int[4 + rocks + 3], new int[4 + rocks + 3], new int[4 + rocks + 3]);
            int k = 0;
            visit.Key(ref k, 0, 0, 1000);
            visit.Key(ref k, StepOnMs, 0, 1000);
            visit.Key(ref k, BothOnMs, 500, 1000);
            visit.Key(ref k, SettledMs, 1000, 500);
            for (int i = 1; i <= rocks; i++)
            {
                visit.Key(ref k, SettledMs + RockEveryMs * i, 1000, i % 2 == 1 ? 750 : 250);
            }
            visit.Key(ref k, OffMs, 500, 0);
            visit.Key(ref k, GoneMs, 0, 0);
            visit.Key(ref k, EndMs, 0, 0);
            return visit;
        }

        /// <summary>The body's share on the mat and the left foot's share of it at <paramref name="atMs"/>, per thousand (before sway).</summary>
        public void StanceAt(int atMs, out int onMatPermille, out int leftPermille)
        {
            int last = AtMs.Length - 1;
            if (atMs <= AtMs[0])
            {
                onMatPermille = OnMatPermille[0];
                leftPermille = LeftPermille[0];
                return;
            }
            for (int k = 1; k <= last; k++)
            {
                if (atMs <= AtMs[k])
                {
                    int span = AtMs[k] - AtMs[k - 1];
                    int t = span == 0 ? 1000 : (atMs - AtMs[k - 1]) * 1000 / span;
                    onMatPermille = OnMatPermille[k - 1] + (OnMatPermille[k] - OnMatPermille[k - 1]) * t / 1000;
                    leftPermille = LeftPermille[k - 1] + (LeftPermille[k] - LeftPermille[k - 1]) * t / 1000;
                    return;
                }
            }
            onMatPermille = OnMatPermille[last];
            leftPermille = LeftPermille[last];
        }

        private void Key(ref int k, int atMs, int onMatPermille, int leftPermille)
        {
            AtMs[k] = atMs;
            OnMatPermille[k] = onMatPermille;
            LeftPermille[k] = leftPermille;
            k++;
        }
    }
}

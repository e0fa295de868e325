namespace Kiosk.Mat.DeviceTests.Shoppers
{
    /// <summary>
    /// A shopper's visit as the device sees it, for nanoCLR as well as .NET: two rendered feet (<see cref="StandingFeet"/>)
    /// mixed by a timeline of keys (time, share of the body on the mat, share on the left foot), with a slow sway of
    /// the left share while standing. The visits follow the virtual mat's (firmware/MatSim ShopperScenarios): empty,
    /// left foot on, both on, standing, weight onto the right foot, off, empty. Integer arithmetic only.
    /// </summary>
    public sealed class ScriptedShopper
    {
        public const int StepOnMs = 500;
        public const int BothOnMs = 1000;
        public const int SettledMs = 1500;
        public const int StepOffMs = 7000;
        public const int OffMs = 7500;
        public const int GoneMs = 8000;
        public const int EndMs = 9000;

        private const int SwayPermille = 15;
        private const int SwayPeriodMs = 3100;

        public readonly string Name;
        public readonly ushort[] LeftFoot;
        public readonly ushort[] RightFoot;

        private readonly int[] _atMs;
        private readonly int[] _onMatPermille;
        private readonly int[] _leftPermille;

        private ScriptedShopper(string name, ushort[] leftFoot, ushort[] rightFoot, int[] atMs, int[] onMatPermille, int[] leftPermille)
        {
            Name = name;
            LeftFoot = leftFoot;
            RightFoot = rightFoot;
            _atMs = atMs;
            _onMatPermille = onMatPermille;
            _leftPermille = leftPermille;
        }

        public int DurationMs { get { return _atMs[_atMs.Length - 1]; } }

        /// <summary>Steps on, stands still with this share on the left foot, steps off.</summary>
        public static ScriptedShopper Standing(string name, int leftArch, int rightArch, int leftSharePermille, int rows)
        {
            return new ScriptedShopper(name, StandingFeet.Foot(leftArch, true, rows), StandingFeet.Foot(rightArch, false, rows),
                new int[] { 0, StepOnMs, BothOnMs, SettledMs, StepOffMs, OffMs, GoneMs, EndMs },
                new int[] { 0, 0, 500, 1000, 1000, 500, 0, 0 },
                new int[] { 1000, 1000, 1000, leftSharePermille, leftSharePermille, 0, 0, 0 });
        }

        /// <summary>Stands on the left foot only.</summary>
        public static ScriptedShopper OneFoot(int rows)
        {
            return new ScriptedShopper("one-foot", StandingFeet.Foot(StandingFeet.NormalArch, true, rows), null,
                new int[] { 0, StepOnMs, SettledMs, StepOffMs, GoneMs, EndMs },
                new int[] { 0, 0, 1000, 1000, 0, 0 },
                new int[] { 1000, 1000, 1000, 1000, 1000, 1000 });
        }

        /// <summary>Rocks between 75% and 25% on the left every 0.7 s and is never still: no scan may finish.</summary>
        public static ScriptedShopper Restless(int rows)
        {
            int rocks = (StepOffMs - SettledMs) / 700;
            int keys = 4 + rocks + 3;
            int[] atMs = new int[keys];
            int[] onMat = new int[keys];
            int[] left = new int[keys];
            Key(atMs, onMat, left, 0, 0, 0, 1000);
            Key(atMs, onMat, left, 1, StepOnMs, 0, 1000);
            Key(atMs, onMat, left, 2, BothOnMs, 500, 1000);
            Key(atMs, onMat, left, 3, SettledMs, 1000, 500);
            for (int i = 0; i < rocks; i++)
            {
                Key(atMs, onMat, left, 4 + i, SettledMs + 700 * (i + 1), 1000, i % 2 == 0 ? 750 : 250);
            }
            Key(atMs, onMat, left, keys - 3, OffMs, 500, 0);
            Key(atMs, onMat, left, keys - 2, GoneMs, 0, 0);
            Key(atMs, onMat, left, keys - 1, EndMs, 0, 0);
            return new ScriptedShopper("restless-shopper", StandingFeet.Foot(StandingFeet.NormalArch, true, rows),
                StandingFeet.Foot(StandingFeet.NormalArch, false, rows), atMs, onMat, left);
        }

        private static void Key(int[] atMs, int[] onMat, int[] left, int k, int at, int onMatPermille, int leftPermille)
        {
            atMs[k] = at;
            onMat[k] = onMatPermille;
            left[k] = leftPermille;
        }

        /// <summary>Each foot's share of its rendered load at <paramref name="atMs"/>, parts per million.</summary>
        public void SharesAt(int atMs, out int leftPpm, out int rightPpm)
        {
            int onMat;
            int left;
            Interpolate(atMs, out onMat, out left);
            if (onMat > 0 && LeftFoot != null && RightFoot != null)
            {
                // A triangle wave instead of a sine: nanoFramework's CoreLibrary has no System.Math.
                int phase = atMs % SwayPeriodMs;
                int triangle = 4000 * (phase < SwayPeriodMs / 2 ? phase : SwayPeriodMs - phase) / SwayPeriodMs - 1000;
                left += SwayPermille * triangle / 1000;
                left = left < 0 ? 0 : left > 1000 ? 1000 : left;
            }
            leftPpm = onMat * left;
            rightPpm = RightFoot == null ? 0 : onMat * (1000 - left);
        }

        private void Interpolate(int atMs, out int onMat, out int left)
        {
            int last = _atMs.Length - 1;
            if (atMs <= _atMs[0])
            {
                onMat = _onMatPermille[0];
                left = _leftPermille[0];
                return;
            }
            for (int k = 1; k <= last; k++)
            {
                if (atMs <= _atMs[k])
                {
                    int span = _atMs[k] - _atMs[k - 1];
                    int t = span == 0 ? 1000 : (atMs - _atMs[k - 1]) * 1000 / span;
                    onMat = _onMatPermille[k - 1] + (_onMatPermille[k] - _onMatPermille[k - 1]) * t / 1000;
                    left = _leftPermille[k - 1] + (_leftPermille[k] - _leftPermille[k - 1]) * t / 1000;
                    return;
                }
            }
            onMat = _onMatPermille[last];
            left = _leftPermille[last];
        }
    }
}

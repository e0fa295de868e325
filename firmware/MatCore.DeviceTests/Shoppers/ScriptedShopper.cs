using Kiosk.Mat.Simulation.Shoppers;

namespace Kiosk.Mat.DeviceTests.Shoppers
{
    /// <summary>
    /// A shopper's visit as the device sees it, for nanoCLR as well as .NET: two rendered feet
    /// (<see cref="StandingFeet"/>) mixed by the virtual mat's own visit (<see cref="ShopperVisit"/>: time, share of
    /// the body on the mat, share on the left foot), with a slow sway of the left share while standing. Integer
    /// arithmetic only.
    /// </summary>
    public sealed class ScriptedShopper
    {
        public readonly string Name;
        public readonly ushort[] LeftFoot;
        public readonly ushort[] RightFoot;
        private readonly ShopperVisit _visit;

        private ScriptedShopper(string name, ushort[] leftFoot, ushort[] rightFoot, ShopperVisit visit)
        {
            Name = name;
            LeftFoot = leftFoot;
            RightFoot = rightFoot;
            _visit = visit;
        }

        public int DurationMs { get { return _visit.DurationMs; } }

        /// <summary>Steps on, stands still with this share on the left foot, steps off.</summary>
        public static ScriptedShopper Standing(string name, int leftArch, int rightArch, int leftSharePermille, int rows)
        {
            return new ScriptedShopper(name, StandingFeet.Foot(leftArch, true, rows), StandingFeet.Foot(rightArch, false, rows),
                ShopperVisit.Standing(leftSharePermille));
        }

        /// <summary>Stands on the left foot only.</summary>
        public static ScriptedShopper OneFoot(int rows)
        {
            return new ScriptedShopper("one-foot", StandingFeet.Foot(StandingFeet.NormalArch, true, rows), null, ShopperVisit.OneFoot());
        }

        /// <summary>Rocks between 75% and 25% on the left every 0.7 s and is never still: no scan may finish.</summary>
        public static ScriptedShopper Restless(int rows)
        {
            return new ScriptedShopper("restless-shopper", StandingFeet.Foot(StandingFeet.NormalArch, true, rows),
                StandingFeet.Foot(StandingFeet.NormalArch, false, rows), ShopperVisit.Restless());
        }

        /// <summary>Each foot's share of its rendered load at <paramref name="atMs"/>, parts per million.</summary>
        public void SharesAt(int atMs, out int leftPpm, out int rightPpm)
        {
            int onMat;
            int left;
            _visit.StanceAt(atMs, out onMat, out left);
            if (onMat > 0 && LeftFoot != null && RightFoot != null)
            {
                // A triangle wave instead of the virtual mat's sine: nanoFramework's CoreLibrary has no System.Math.
                int period = ShopperVisit.SwayPeriodMs;
                int phase = atMs % period;
                int triangle = 4000 * (phase < period / 2 ? phase : period - phase) / period - 1000;
                left += ShopperVisit.SwayPermille * triangle / 1000;
                left = left < 0 ? 0 : left > 1000 ? 1000 : left;
            }
            leftPpm = onMat * left;
            rightPpm = RightFoot == null ? 0 : onMat * (1000 - left);
        }
    }
}

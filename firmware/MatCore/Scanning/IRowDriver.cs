namespace Kiosk.Mat.Scanning
{
    /// <summary>
    /// Drives the mat's rows. Exactly one row is driven at a time; every other row is held at ground,
    /// which keeps the crosstalk ("ghosting") through unselected sensels small (DESIGN.md, resistive grids).
    /// The ESP32 implements it with 74HC595 shift registers or plain GPIO; tests with an in-memory fake.
    /// </summary>
    public interface IRowDriver
    {
        /// <summary>How many rows this driver can reach.</summary>
        int RowCount { get; }

        /// <summary>Drives <paramref name="row"/> and grounds all other rows.</summary>
        void SelectRow(int row);

        /// <summary>Grounds every row (idle: no current through the film).</summary>
        void ReleaseAll();
    }
}

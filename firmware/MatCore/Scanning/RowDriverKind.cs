namespace Kiosk.Mat.Scanning
{
    /// <summary>How a board drives its rows (board.txt <c>row_driver</c>).</summary>
    public enum RowDriverKind
    {
        /// <summary>A chain of 74HC595s (<see cref="ShiftRegisterRowDriver"/>; row_driver=shift).</summary>
        ShiftRegister = 1,

        /// <summary>One GPIO per row (<see cref="GpioRowDriver"/>; row_driver=gpio).</summary>
        Gpio = 2,
    }
}

namespace Kiosk.Hardware;

/// <summary>One thing wrong with a board definition: a stable code for tests and tools, and a sentence for people.</summary>
public sealed record BoardFault(BoardFaultCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

public enum BoardFaultCode
{
    UnknownModule,
    NoSuchGpio,
    FlashPin,
    PsramPin,
    DebugUartPin,
    InputOnlyPinAsOutput,
    AdcPinNotOnAdc1,
    StrappingPin,
    PinUsedTwice,
    RowDriverIncomplete,
    TooFewRowOutputs,
    WrongSelectLineCount,
    TooFewMuxChannels,
    GeometryOutOfRange,
    GeometryOutsideActiveArea,
    ElectrodesTouch,
    ReadoutOutOfRange,
}

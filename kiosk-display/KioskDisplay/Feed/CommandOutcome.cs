namespace Kiosk.Display.Feed;

/// <summary>
/// What became of a technician's command, in the words of the command list: sent and waiting for the mat's Ack, then
/// the mat's answer (done, or why not), or no answer when its link closed first or the mat kept silent.
/// </summary>
public static class CommandOutcome
{
    public const string Awaiting = "sent, waiting for the mat's answer";
    public const string Disconnected = "no answer: the mat disconnected";
    public const string NotConnected = "not sent: mat not connected";

    /// <summary>A mat answers a command within a frame or two; after this long the list says it did not.</summary>
    public static readonly TimeSpan AnswerExpectedWithin = TimeSpan.FromSeconds(30);

    /// <summary>The technician's name of a command the mat acknowledged (by its message name), or the message name.</summary>
    public static string CommandOf(string messageName) => messageName switch
    {
        "calibrate-zero" => "zero",
        "calibrate-gain" => "calibrate",
        _ => messageName,
    };

    /// <summary>The mat's Ack status (AckStatus.Name) for this command, in words.</summary>
    public static string Answer(string command, string status) => (command, status) switch
    {
        (_, "ok") => "done",
        ("zero", "busy") => "not done: the mat was busy (zero needs an empty mat: is someone on it?)",
        (_, "busy") => "not done: the mat was busy; try again",
        (_, "bad-value") => "not done: the mat refused the value",
        _ => $"not done: the mat answered {status}",
    };

    /// <summary>True for a state that is a success, false for a failure, null while it is not known yet.</summary>
    public static bool? Succeeded(string state) =>
        state == Awaiting ? null : state == "done" || state.StartsWith("paired", StringComparison.Ordinal) || state == "unpaired";

    /// <summary>The state as the list shows it now: a command still waiting long after it went out had no answer.</summary>
    public static string Shown(DeviceCommandRecord command, DateTimeOffset now) =>
        command.State == Awaiting && now - command.RequestedAt > AnswerExpectedWithin ? "sent, no answer from the mat" : command.State;
}

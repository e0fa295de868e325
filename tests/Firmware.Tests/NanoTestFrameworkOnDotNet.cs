// nanoFramework.TestFramework's API as the device tests use it, on .NET: the same test sources run under xunit
// (DeviceTestsOnDotNet) as in nanoCLR. Asserts throw xunit's exceptions; OutputHelper collects the lines per thread.
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    public static class OutputHelper
    {
        [ThreadStatic]
        private static List<string> _lines;

        public static List<string> Lines => _lines ??= [];

        public static void WriteLine(string message) => Lines.Add(message);
    }

    public static class Assert
    {
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") =>
            Xunit.Assert.True(expected == actual, $"{message}: expected {expected}, got {actual}");

        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") =>
            Xunit.Assert.True(expected == actual, $"{message}: expected {expected}, got {actual}");

        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") =>
            Xunit.Assert.True(expected == actual, $"{message}: expected {expected}, got {actual}");

        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") =>
            Xunit.Assert.True(expected == actual, $"{message}: expected {expected}, got {actual}");

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") =>
            Xunit.Assert.True(condition, message);

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") =>
            Xunit.Assert.False(condition, message);

        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") =>
            Xunit.Assert.True(value is null, message);

        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") =>
            Xunit.Assert.True(value is not null, message);
    }
}

// Mirrors nanoFramework.TestFramework 3.0.x (assembly nanoFramework.TestFramework): only the members the device
// tests use, so a fresh clone without ../shared compiles them (CI compiles against the real one and runs them).
// Read from nanoframework/nanoFramework.TestFramework: source/TestFrameworkShared/{TestClassAttribute,
// TestMethodAttribute}.cs, source/TestFramework/{Assert,Assert.AreEqual,OutputHelper}.cs. Bodies throw: compile-only.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message)
        {
            throw new NotImplementedException();
        }
    }

    public sealed partial class Assert
    {
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            throw new NotImplementedException();
        }
    }
}

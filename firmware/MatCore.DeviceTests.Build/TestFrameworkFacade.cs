// Mirrors nanoFramework.TestFramework 3.0.80 (assembly nanoFramework.TestFramework): only the members the device
// tests use. Read from nanoframework/nanoFramework.TestFramework: source/TestFrameworkShared/{TestClassAttribute,
// TestMethodAttribute}.cs, source/TestFramework/{Assert,Assert.AreEqual}.cs. Bodies throw: compile-only.
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

    public sealed partial class Assert
    {
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            throw new NotImplementedException();
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            throw new NotImplementedException();
        }
    }
}

using Xunit;
using System.Reflection;
using nanoFramework.TestFramework;
using Assert = Xunit.Assert;

namespace Kiosk.Firmware.Tests;

/// <summary>
/// Every device test (firmware/MatCore.DeviceTests, the tests CI runs in nanoCLR) run on .NET as well, one xunit case
/// each, compiled from the same sources against a small stand-in of nanoFramework.TestFramework.
/// </summary>
public sealed class DeviceTestsOnDotNet
{
    public static TheoryData<string> Tests
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (MethodInfo method in TestMethods())
            {
                names.Add(method.DeclaringType!.Name + "." + method.Name);
            }
            return names;
        }
    }

    /// <summary>The device tests in the order nanoFramework's launcher runs them: classes by name, methods as declared.</summary>
    public static IEnumerable<MethodInfo> TestMethods() =>
        typeof(DeviceTestsOnDotNet).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TestClassAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null)
                .OrderBy(m => m.MetadataToken));

    /// <summary>Runs one device test; returns the lines it printed.</summary>
    public static List<string> Run(MethodInfo method)
    {
        OutputHelper.Lines.Clear();
        try
        {
            method.Invoke(Activator.CreateInstance(method.DeclaringType!), null);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        return [.. OutputHelper.Lines];
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Passes(string test)
    {
        MethodInfo method = TestMethods().Single(m => m.DeclaringType!.Name + "." + m.Name == test);
        Run(method);
    }

    [Fact]
    public void AtLeastTenDeviceTestsIncludingWholeShoppers()
    {
        List<MethodInfo> tests = [.. TestMethods()];
        Assert.True(tests.Count >= 10, $"{tests.Count} device tests");
        Assert.Contains(tests, t => t.DeclaringType!.Name == "ShopperDeviceTests");
    }
}

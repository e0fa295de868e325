using System;
using System.Reflection;
using Kiosk.Mat.Analysis;
using Xunit;

namespace Kiosk.Mat.Tests.Analysis;

/// <summary>
/// The results clear field by field (no static cleared instance on the device's heap): every public field, set to
/// something else, must be back to a fresh instance's value, so a field added later and not cleared fails here.
/// </summary>
public class ResultClearTests
{
    [Fact]
    public void FootMeasuresClearResetsEveryField()
    {
        var measures = new FootMeasures();
        SetEveryField(measures);
        measures.Clear();
        AssertFieldsEqual(new FootMeasures(), measures);
    }

    [Fact]
    public void ScanAnalysisClearResetsEveryFieldAndBothFeet()
    {
        var analysis = new ScanAnalysis();
        SetEveryField(analysis);
        SetEveryField(analysis.Left);
        SetEveryField(analysis.Right);
        analysis.Clear();
        var fresh = new ScanAnalysis();
        AssertFieldsEqual(fresh, analysis);
        AssertFieldsEqual(fresh.Left, analysis.Left);
        AssertFieldsEqual(fresh.Right, analysis.Right);
    }

    private static void SetEveryField(object target)
    {
        foreach (FieldInfo field in target.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.IsInitOnly)
            {
                continue;
            }
            Type type = field.FieldType;
            object value = type == typeof(bool) ? true
                : type.IsEnum ? Enum.ToObject(type, 3)
                : Convert.ChangeType(7, type);
            field.SetValue(target, value);
        }
    }

    private static void AssertFieldsEqual(object expected, object actual)
    {
        foreach (FieldInfo field in expected.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.FieldType.IsClass)
            {
                continue;
            }
            Assert.True(Equals(field.GetValue(expected), field.GetValue(actual)), field.Name + " is not cleared");
        }
    }
}

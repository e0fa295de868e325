using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kiosk.Tests.Fuzz;

/// <summary>
/// Runs a property over inputs drawn from a CsCheck generator with one fixed seed, a fixed number of cases, one
/// thread: the same inputs on every machine and every run, so CI's run is the run a developer repeats. CsCheck's own
/// seed parameter fixes only the first case, so the cases are drawn here from one <see cref="PCG"/>. A failure names
/// the case's number and input; every run prints how many cases it tried.
/// </summary>
public static class FuzzRun
{
    /// <summary>The seed of every fuzz test (a CsCheck PCG seed). Change it to explore; a failure says which it was.</summary>
    public const string Seed = "1xn1HwIbwfUS";

    public static int Cases<T>(ITestOutputHelper output, string what, Gen<T> gen, int count, Action<T> check, Func<T, string>? describe = null) =>
        CasesAsync(output, what, gen, count, value =>
        {
            check(value);
            return Task.CompletedTask;
        }, describe).GetAwaiter().GetResult();

    public static async Task<int> CasesAsync<T>(ITestOutputHelper output, string what, Gen<T> gen, int count, Func<T, Task> check, Func<T, string>? describe = null)
    {
        var pcg = PCG.Parse(Seed);
        for (int i = 0; i < count; i++)
        {
            T value = gen.Generate(pcg, null, out _);
            try
            {
                await check(value);
            }
            catch (Exception e)
            {
                string input = describe?.Invoke(value) ?? value?.ToString() ?? "null";
                if (input.Length > 2000) input = input[..2000] + $"... ({input.Length} characters)";
                throw new XunitException($"{what}: case {i + 1} of {count} (seed {Seed}) failed on input:\n{input}\n{e}");
            }
        }
        output.WriteLine($"fuzz {what}: {count} cases tried, seed {Seed}, none failed");
        return count;
    }
}

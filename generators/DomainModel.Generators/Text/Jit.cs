namespace DomainModel.Generators.Text;

/// <summary>
/// How the generator's hot loops are compiled. The generator runs in a fresh compiler process on every
/// build without the compiler server, where the runtime starts each method as unoptimized (Tier-0) code
/// and only later recompiles the ones called often, first with instrumentation and then optimized: a
/// loop over 30 MB of YAML runs most of its iterations before that happens, and a method called for every
/// node, fact or value is compiled three times. Methods marked <see cref="HotLoop"/> (the loops over
/// characters and the path every fact takes) are compiled optimized on their first call instead
/// (measured in docs/performance.md).
/// </summary>
internal static class Jit
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (.NET Core 3.0+), which netstandard2.0 does not name; older runtimes ignore it.</summary>
    public const System.Runtime.CompilerServices.MethodImplOptions HotLoop = (System.Runtime.CompilerServices.MethodImplOptions)512;
}

using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>
/// The pack check (src/DomainModel.Tool/build/DomainModel.Baseline.targets, as src/DomainModel imports it)
/// through real <c>dotnet pack</c> runs of a small fact package project: a baseline released as 1.0.0, a
/// corpus with one change of every class, packing 1.0.0 fails naming each change and the version it needs,
/// packing 2.0.0 passes. The tool run is this test's build of it (DomainModelToolDll).
/// </summary>
public sealed class PackCheckTests : IDisposable
{
    private readonly TempCorpus _project = new(EvolutionCorpus.Files(EvolutionCorpus.All));

    public PackCheckTests()
    {
        var targets = Path.Combine(ToolRun.RepoRoot, "src", "DomainModel.Tool", "build", "DomainModel.Baseline.targets");
        _project.Write("Directory.Build.props", "<Project />");
        _project.Write("Directory.Packages.props", "<Project />");
        _project.Write("Facts.Sample.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>true</IsPackable>
                <PackageId>Facts.Sample</PackageId>
                <Version>1.0.0</Version>
                <DomainModelNamespace>Facts.Sample</DomainModelNamespace>
                <DomainModelCorpus>$(MSBuildThisFileDirectory)</DomainModelCorpus>
                <DomainModelToolDll>{Path.Combine(AppContext.BaseDirectory, "DomainModel.Tool.dll")}</DomainModelToolDll>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);
    }

    [Fact]
    public void Packing_fails_with_each_breaking_change_and_the_version_it_needs_and_passes_with_that_version()
    {
        using var released = new TempCorpus(EvolutionCorpus.Files());
        var baseline = _project["baseline/Facts.Sample.manifest.json"];
        var written = ToolRun.InProcess("manifest", released.Root, "--version", "1.0.0", "--package", "Facts.Sample", "-p", "DomainModelNamespace=Facts.Sample", "-o", baseline);
        Assert.True(written.ExitCode == 0, written.ToString());

        var failed = Dotnet("pack", "-o", _project["out"]);
        Assert.True(failed.ExitCode != 0, failed.Output);
        foreach (var change in new[]
        {
            "Leaders.AhmedAlSharaa removed (id ahmed-al-sharaa): a major change from 1.0.0, needs version 2.0.0 (packing 1.0.0).",
            "Leaders.VladimirPutin renamed to Leaders.Putin (id vladimir-putin → putin, same content): a major change",
            "Agreement.AnnualPayment: money → string: a major change from 1.0.0, needs version 2.0.0 (packing 1.0.0).",
            "AgreementStatus.Pledged removed: a major change",
            "Countries.SyrianArabRepublic added (id syrian-arab-republic): a minor change from 1.0.0, needs version 1.1.0",
            "Countries.Syria.Name: Syria → Syrian Arab Republic: a patch change from 1.0.0, needs version 1.0.1",
        })
        {
            Assert.Contains("error DMV001: " + change, failed.Output);
        }

        Assert.Contains("1.0.0 is too low: release it as 2.0.0.", failed.Output);
        Assert.False(File.Exists(_project["out/Facts.Sample.1.0.0.nupkg"]), failed.Output);

        var passed = Dotnet("pack", "-o", _project["out"], "-p:Version=2.0.0");
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("2.0.0 allows it.", passed.Output);
        Assert.True(File.Exists(_project["out/Facts.Sample.2.0.0.nupkg"]), passed.Output);

        // Without a baseline, the check fails and says how to create one (the target alone: no third pack).
        File.Delete(baseline);
        var missing = Dotnet("msbuild", "-t:DomainModelCheckBaseline", "-p:Version=2.0.0");
        Assert.True(missing.ExitCode != 0, missing.Output);
        Assert.Contains($"The released baseline '{baseline}' does not exist", missing.Output);
        Assert.Contains("manifest " + _project.Root, missing.Output);
        Assert.Contains("--version 2.0.0 --package Facts.Sample -o " + baseline, missing.Output);
    }

    private (int ExitCode, string Output) Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _project.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("-nologo");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public void Dispose() => _project.Dispose();
}

using Neuromorph.Engine;
using Neuromorph.Host.Cli;

NativeRuntimeSettings.Apply();
return await CommandLine.RunAsync(args);

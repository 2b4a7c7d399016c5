using Neuromorph.Host.Cli;

return await CommandLine.RunAsync(args);

"""Stage 4, the analyses: run, optimize, sweep, sensitivity, coalition games, integrated
architectures and the validation report, each on problems assembled by trades.architecture."""

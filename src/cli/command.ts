// What a cskg subcommand module provides, and the options several commands share. Each module in
// src/cli/commands/ exports `register(program)`; main.ts finds and calls them all, so adding a command
// is adding a file.
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../data/read.ts';

export interface CommandModule {
  /** adds the subcommand (with its options and action) to the program */
  register(program: Command): void;
}

/** `--data <dir>`: the data directory (sources/ and graph/), by default this repository's data/. */
export function addDataOption(command: Command): Command {
  return command.option('--data <dir>', 'data directory holding sources/ and graph/', DEFAULT_DATA_DIR);
}

/** Writes a line to stdout; the CLI's results go there, diagnostics of the run itself to stderr. */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

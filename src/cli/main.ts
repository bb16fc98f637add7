// The cskg command line: builds the commander program from every module in src/cli/commands/ (each
// registers one subcommand), then runs it. Other engineers add `load`, `stats`, `export`, `query` by
// adding a file there; nothing here changes.
import { readdir } from 'node:fs/promises';
import { Command } from 'commander';
import type { CommandModule } from './command.ts';

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

/** The program with every subcommand registered, in file-name order. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('cskg')
    .description('cross-strait knowledge graph: validate, load and query the Fujian–Taiwan plan graph')
    .showHelpAfterError()
    .enablePositionalOptions();
  const files = (await readdir(COMMANDS_DIR))
    .filter((f) => /\.ts$/.test(f) && !/\.(d|test)\.ts$/.test(f))
    .sort();
  for (const file of files) {
    const module = (await import(new URL(file, COMMANDS_DIR).href)) as Partial<CommandModule>;
    if (typeof module.register !== 'function') {
      throw new Error(
        `src/cli/commands/${file} does not export register(program); every command module must`,
      );
    }
    module.register(program);
  }
  return program;
}

/** Runs the command line. Commands set process.exitCode; an unexpected error is printed and exits 2. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const program = await buildProgram();
    await program.parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`cskg: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.CSKG_DEBUG && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}

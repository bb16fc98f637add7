// The command line's skeleton: every module in src/cli/commands/ registers its subcommand, and the
// validate and coverage commands take the options the docs promise.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';

describe('buildProgram', () => {
  it('registers validate and coverage with their options', async () => {
    const program = await buildProgram();
    const byName = new Map(program.commands.map((c) => [c.name(), c]));
    expect(byName.get('validate')?.options.map((o) => o.long)).toEqual(['--json', '--rules', '--data']);
    expect(byName.get('coverage')?.options.map((o) => o.long)).toEqual([
      '--json',
      '--strict',
      '--section',
      '--ignore',
      '--data',
    ]);
  });
});

import { commands } from '../../bridge/cli/commands';
import { Command } from 'commander';

describe('CLI program', () => {
  it('registers every command in the explicit list without clashes', () => {
    const program = new Command('psa-fo-sync');
    for (const register of commands) register(program);
    const names = program.commands.map((c) => c.name());
    expect(new Set(names).size).toBe(names.length);
    expect(program.version()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

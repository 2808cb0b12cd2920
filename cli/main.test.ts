import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from './main.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err }));
}

describe('ecdx CLI', () => {
  it('prints help and version', async () => {
    expect((await run(['--help'])).out).toContain('Usage:');
    expect((await run(['--version'])).out).toMatch(/^ecdx \S+ \(spec 1\.0\.0-draft\)$/);
  });

  it.each(Object.keys(COMMANDS))('answers `ecdx %s --help` with its usage, and `--version` with the versions', async (command) => {
    const help = await run([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(new RegExp(`^Usage: ecdx ${command} `));
    expect(help.err).toEqual([]);
    for (const argv of [
      [command, '--version'],
      [command, '--json', '--version'],
    ]) {
      const version = await run(argv);
      expect(version.code).toBe(0);
      expect(version.out).toMatch(/^ecdx \S+ \(spec 1\.0\.0-draft\)$/);
    }
  });

  it('answers a misuse with one line and exit code 2', async () => {
    for (const argv of [['frobnicate'], ['requirements', '--nope'], ['requirements', '--class', 'nope']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^ecdx: /);
    }
  });

  it('lists the requirements of one class as JSON', async () => {
    const { code, out } = await run(['requirements', '--json', '--class', 'core']);
    expect(code).toBe(0);
    const list = JSON.parse(out) as { class: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.class === 'core')).toBe(true);
  });
});

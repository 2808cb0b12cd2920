// The `ecdx` command run in-process as its tests run it: its exit code, what it printed and each line of stderr.
import { main } from '../main.ts';

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

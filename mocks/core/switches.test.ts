// The switch registry (switches.ts) says where each switch is read; this reads the source of every core module and
// holds the registry to it. A read is a call `fault('name')` (on the context, the mock or a forwarded function):
// the typed parameter keeps the name a registered switch, and the literal keeps every read findable.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { switches, type SwitchModule } from './switches.ts';

const core = import.meta.dirname;
const mocks = join(core, '..');

interface Read {
  /** The literal switch name, or undefined for a call that passes something else. */
  name: string | undefined;
  /** The call as written, for messages. */
  text: string;
  /** Whether a non-literal argument only forwards the parameter of the function around it: `(name) => m.fault(name)`. */
  forwards: boolean;
}

/** Every call of a function or method named `fault` in a source file. */
function faultCalls(file: string, text = readFileSync(file, 'utf8')): Read[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const reads: Read[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (named === 'fault') {
        const [argument] = node.arguments;
        const literal = argument && ts.isStringLiteral(argument) ? argument.text : undefined;
        reads.push({ name: literal, text: node.getText(source), forwards: literal === undefined && forwardsParameter(node, argument) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

function forwardsParameter(call: ts.CallExpression, argument: ts.Expression | undefined): boolean {
  const around = call.parent;
  if (!argument || !ts.isIdentifier(argument) || !ts.isArrowFunction(around) || around.body !== call) return false;
  return around.parameters.length === 1 && around.parameters[0]!.name.getText() === argument.text;
}

/** Source files below `dir` (recursively), without tests and test helpers. */
const modules = (dir: string, recursive: boolean): string[] =>
  readdirSync(dir, { recursive, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !/test-support|fixtures/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

const coreModules = modules(core, true).map((file) => ({ file, module: relative(core, file) }));
const registered = (module: string): readonly string[] => (module in switches ? switches[module as SwitchModule] : []);

describe('the switch registry', () => {
  it('names modules that exist, and each switch once', () => {
    for (const module of Object.keys(switches))
      expect(
        coreModules.map((m) => m.module),
        module,
      ).toContain(module);
    const all = Object.values(switches).flat();
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
  });

  it.each(Object.keys(switches))('every switch registered for %s is read there', (module) => {
    const read = new Set(faultCalls(join(core, module)).map((r) => r.name));
    expect(registered(module).filter((name) => !read.has(name))).toEqual([]);
  });

  it('no core module reads a switch registered for another, or reads one by anything but its literal name', () => {
    const strays = coreModules.flatMap(({ file, module }) =>
      faultCalls(file)
        .filter((r) => (r.name === undefined ? !r.forwards : !registered(module).includes(r.name)))
        .map((r) => `${module}: ${r.text}`),
    );
    expect(strays).toEqual([]);
  });

  it('outside the core, only the adapters read a switch: how much of a body to read', () => {
    const reads = modules(mocks, false).flatMap((file) => faultCalls(file).map((r) => `${relative(mocks, file)}: ${r.name ?? r.text}`));
    expect(reads.sort()).toEqual(['handlers.ts: no-body-size-limit', 'server.ts: no-body-size-limit']);
  });

  it('reads calls as the tests above need: literals, forwarding, anything else', () => {
    const reads = faultCalls('x.ts', "mock.fault('limit-ignored'); fault('a' + b); const f = (name) => this.#mock.fault(name); // fault('in-a-comment')");
    expect(reads.map(({ name, forwards }) => ({ name, forwards }))).toEqual([
      { name: 'limit-ignored', forwards: false },
      { name: undefined, forwards: false },
      { name: undefined, forwards: true },
    ]);
    expect(registered('push/dispatcher.ts')).not.toContain('limit-ignored');
  });
});

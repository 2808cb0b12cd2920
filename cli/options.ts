// What the commands that take many options read alike: comma lists, a config file of options, durations.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { MINUTE, SECOND } from '../schemas/time.ts';
import { ConfigurationError } from '../conformance/index.ts';
import { isLanguage, type Language, LANGUAGES, languageFromLocale } from '../conformance/i18n/index.ts';

export type OptionValue = string | string[] | boolean;

/** A repeatable, comma-separated option as a list; undefined when absent. */
export const list = (value: OptionValue | undefined): string[] | undefined =>
  value === undefined || typeof value === 'boolean'
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);

/**
 * The options a JSON or YAML config file holds, each one `known` names (config and help excepted). Key material never
 * goes in a config file, which is committed and shared: only where to read it (key-file, key-env).
 */
function readConfig<K extends string>(path: string, known: Readonly<Record<K, unknown>>): Partial<Record<K, OptionValue>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read --config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`--config ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigurationError(`--config ${path} must hold an object of options`);
  const values: Partial<Record<K, OptionValue>> = {};
  for (const [name, value] of Object.entries(data)) {
    if (name === 'key' || name === 'secret') throw new ConfigurationError('key material does not go in a config file: use key-file or key-env');
    if (!(name in known) || name === 'config' || name === 'help') throw new ConfigurationError(`--config ${path}: unknown option '${name}'`);
    values[name as K] = Array.isArray(value) ? value.map(String) : typeof value === 'boolean' ? value : String(value);
  }
  return values;
}

/**
 * A command's options: the flags of `argv`, strictly parsed, over those of its `--config` file (the flags win); or
 * that help was asked for. A flag the command does not know is a usage error.
 */
export function parseCommand<K extends string>(
  argv: string[],
  spec: Readonly<Record<K, NonNullable<ParseArgsConfig['options']>[string]>>,
): { help: true } | { help: false; values: Partial<Record<K, OptionValue>> } {
  let parsed: Partial<Record<K, OptionValue>>;
  try {
    parsed = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as Partial<Record<K, OptionValue>>;
  } catch (error) {
    throw new ConfigurationError((error as Error).message.split('\n')[0]!);
  }
  if ((parsed as { help?: OptionValue }).help) return { help: true };
  const config = (parsed as { config?: OptionValue }).config;
  return { help: false, values: { ...(typeof config === 'string' ? readConfig(config, spec) : {}), ...parsed } };
}

const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, min: MINUTE, '': SECOND };

/** A DURATION in ms: seconds, or a number with ms, s or m. */
export function duration(value: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|)$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  if (!(ms >= 1)) throw new ConfigurationError(`--${flag} must be a duration such as 10, 20s or 10m, got '${value}'`);
  return ms;
}

/** The environment the locale is read from (process.env unless a caller passes its own). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** `--lang` (or `lang` in the config file) when given, else the locale's language; a language not spoken is misuse. */
export function languageOf(value: string | undefined, env: Environment): Language {
  if (value === undefined) return languageFromLocale(env);
  if (!isLanguage(value)) throw new ConfigurationError(`--lang must be ${LANGUAGES.join(' or ')}, not '${value}'`);
  return value;
}

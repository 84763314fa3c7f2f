import { ConfigurationError } from './errors';

/**
 * How one env var becomes an option value: every Orbital package reads its variables with these, so
 * a list, a flag or a number of seconds means the same thing everywhere and a bad value is an error
 * that names the variable. `name` is the variable's name, for that error.
 */
export type EnvReader<T> = (value: string, name: string) => T;

export const text: EnvReader<string> = (value) => value;

export const flag: EnvReader<boolean> = (value, name) => {
  if (/^(true|1)$/i.test(value)) return true;
  if (/^(false|0)$/i.test(value)) return false;
  throw invalid(name, value, 'true or false');
};

/** Comma-separated, blanks dropped. */
export const list: EnvReader<string[]> = (value) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const seconds: EnvReader<number> = (value, name) => {
  if (!/^\d{1,9}$/.test(value.trim())) throw invalid(name, value, 'a whole number of seconds');
  return Number(value);
};

/** Seconds, or `off` (also `false`) for a limit that does not apply. */
export const secondsOrOff: EnvReader<number | false> = (value, name) =>
  /^(off|false)$/i.test(value.trim()) ? false : seconds(value, name);

export const proxyHops: EnvReader<boolean | number> = (value, name) =>
  /^\d{1,2}$/.test(value.trim()) ? Number(value) : flag(value, name);

/** One of a fixed set of words. */
export function oneOf<const T extends string>(...values: T[]): EnvReader<T> {
  return (value, name) => {
    if (!(values as string[]).includes(value)) throw invalid(name, value, values.join(' or '));
    return value as T;
  };
}

export function invalid(name: string, value: string, expected: string): ConfigurationError {
  return new ConfigurationError(
    'configuration_invalid',
    `${name} is "${value.slice(0, 40)}", which is not ${expected}: fix it or remove it.`,
  );
}

/** Option name to its env var and reader. */
export type EnvReaderTable = Record<string, { env: string; read: EnvReader<unknown> }>;

/** The values a table's variables hold in `env` (unset and empty ones left out), each read by its reader. */
export function readTable<T extends EnvReaderTable>(
  table: T,
  env: Record<string, string | undefined>,
): { [K in keyof T]?: ReturnType<T[K]['read']> } {
  const values: Record<string, unknown> = {};
  for (const [key, { env: name, read }] of Object.entries(table)) {
    const value = env[name];
    if (value !== undefined && value !== '') values[key] = read(value, name);
  }
  return values as { [K in keyof T]?: ReturnType<T[K]['read']> };
}

// Command-line parsing shared by the scripts: node:util's parseArgs with a usage message on error.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\nUsage: ${usage}\n`);
    process.exit(2);
  }
}

/** Loads configuration or exits with the configuration error. */
export async function loadConfigOrExit() {
  const { parseConfig } = await import('../../src/config.ts');
  try {
    return parseConfig(process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
}

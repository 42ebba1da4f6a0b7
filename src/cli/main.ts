/** The `congso` command line. Each command lives in its own file and prints its own --help. */
import { loadConfig, loadDotEnv, ConfigError } from '../config/index.ts';
import { commands, type Command } from './commands.ts';

function usage(): string {
  const lines = ['Usage: congso <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(16)} ${c.summary}`);
  lines.push('', 'Run `congso <command> --help` for the options of a command.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  // Commands may have two words ("user add"): prefer the longest match.
  const match = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c: Command) => c.name.split(' ').every((w, i) => words[i] === w));
  if (match === undefined) {
    const help = argv.length === 0 || argv.includes('--help') || argv.includes('-h');
    (help ? console.log : console.error)(usage());
    return help ? 0 : 2;
  }
  const rest = [...argv];
  for (const w of match.name.split(' ')) rest.splice(rest.indexOf(w), 1);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(match.help);
    return 0;
  }
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`congso: configuration error: ${err.message}`);
      return 78;
    }
    throw err;
  }
  return match.run(rest, config);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`congso: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);

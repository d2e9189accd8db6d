// `npm run dinero:check`: runs the check command (dinero-check.command.ts) on this terminal.
import { createInterface } from 'node:readline/promises';
import { runDineroCheckCommand } from './dinero-check.command';

const rl = createInterface({ input: process.stdin, output: process.stdout });
const code = await runDineroCheckCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  ask: (question) => rl.question(question),
});
rl.close();
process.exitCode = code;

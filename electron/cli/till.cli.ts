// Entry point of `npm run till -- <command> --data-dir DIR`. All the work is in cli-main.ts (testable).
import { runTillCliAsync } from './cli-main';

process.exitCode = await runTillCliAsync(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

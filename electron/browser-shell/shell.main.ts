// `npm run shell`: the app in your browser against the configured Dinero (design §8 variables), or the
// built-in demo company when none is configured. No demo sales are added.
import { runShellCommand } from './shell-command';

process.exit(await runShellCommand(
  { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) },
  false,
));

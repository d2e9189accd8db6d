// `npm run demo`: the whole app in your browser against the built-in demo company, with a day of sales on
// the till. TILLBRIDGE_DATA_DIR (default .tmp/demo) and PORT (default 4700; 0 = any free port).
import { runShellCommand } from './shell-command';

process.exit(await runShellCommand(
  { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) },
  true,
));

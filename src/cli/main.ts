// `npx audit-log-sdk …`: the package's command line (Node only).
import { runCli } from './verify-command.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

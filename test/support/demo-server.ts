import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';

export interface DemoServer {
  url: string;
  output: () => string;
  /** Stops it with SIGINT, as Ctrl-C would, and answers its exit code. */
  stop: () => Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `npm run server`'s script as a user would, and waits for the line with its URL. */
export function startDemoServer(args: string[]): Promise<DemoServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Audit Log API listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => {
                running.delete(child);
                done(code);
              });
              child.kill('SIGINT');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The browser tests use the real built UIs, so build them once before the e2e files run. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  // vitest sets NODE_ENV=test, which would make Vite pick Lit's development build
  execFileSync('npm', ['run', 'build:ui', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

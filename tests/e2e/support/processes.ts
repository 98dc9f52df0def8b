import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const hasNginx = existsSync(nginxPath);

if (!hasNginx) {
  const message = `\n!!! No nginx at ${nginxPath}: the reverse-proxy browser test is SKIPPED. Install it (apt-get install nginx) or set NGINX_PATH.\n`;
  if (process.env.CI === 'true') throw new Error(message + 'Under CI=true a missing nginx is a failure.');
  process.stderr.write(message);
}

export interface Child {
  /** Ends the process (SIGTERM, SIGKILL after 5 s) and waits for it; safe to call twice. */
  stop: () => Promise<void>;
  /** What it wrote to stderr so far, for a failure's message. */
  stderr: () => string;
}

function track(child: ChildProcess, name: string): Child {
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    stderr: () => `${name}: ${err}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface LuukkuProcess extends Child {
  /** http://127.0.0.1:<port>, the process itself (not through the proxy). */
  url: string;
  port: number;
  dataDir: string;
}

/**
 * A built Luukku server (`npm run build`) as its own OS process, as production runs it, with its
 * own data folder and the demo hub seeded; its port is the one it reports once listening.
 */
export async function startLuukkuProcess(env: Record<string, string> = {}): Promise<LuukkuProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luukku-proc-'));
  const child = spawn(process.execPath, ['--conditions=luukku-dist', 'server/dist/main.js'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LUUKKU_DATA_DIR: dataDir,
      LUUKKU_DEMO: '1',
      LUUKKU_SCRYPT_LOG2N: '12',
      LUUKKU_ESPEAK_PATH: '',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tracked = track(child, 'luukku');
  const stop = async () => {
    await tracked.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        // pino's "Luukku is running" line names the kiosk's address, with the port it listens on
        const line = out.split('\n').find((l) => l.includes('"Luukku is running"'));
        if (!line) return;
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(Number(new URL((JSON.parse(line) as { kiosk: string }).kiosk).port));
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`Luukku exited (${code}) before listening\n${tracked.stderr()}\n${out}`)));
    });
    return { ...tracked, stop, url: `http://127.0.0.1:${port}`, port, dataDir };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A port nobody listens on now (nginx takes no port 0, so one is picked and freed). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Nginx extends Child {
  port: number;
  dir: string;
  /** nginx's access log so far. */
  accessLog: () => string;
}

/**
 * nginx in the foreground as a child process, everything (pid, logs, temp files) in its own
 * folder, listening on 127.0.0.1:`port`; `http` is the http-context configuration. When the
 * tests run as root, nginx runs as nobody, so it is never a root server.
 */
export async function startNginx(http: string, port: number): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'luukku.conf'), http);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${dir}/access.log;`,
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/luukku.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;
  if (asRoot) for (const p of [dir, ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((s) => join(dir, s))]) chownSync(p, nobody, nobody);
  const child = spawn(nginxPath, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? { uid: nobody, gid: nobody } : {}),
  });
  const tracked = track(child, 'nginx');
  const stop = async () => {
    await tracked.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  try {
    await untilListening(port, () => child.exitCode !== null, () => `${tracked.stderr()}\n${errorLog()}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { ...tracked, stop, port, dir, accessLog: () => (existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8') : '') };
}

/** Waits (up to 10 s) until something answers HTTP on the port; fails at once if the process died. */
async function untilListening(port: number, died: () => boolean, why: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (died()) throw new Error(`nginx exited before listening\n${why()}`);
    const answered = await new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: 'nobody.invalid' } }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.end();
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s\n${why()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A Web Push service on 127.0.0.1 for tests: HTTPS with a self-signed certificate made here by
 * openssl, and browser-side subscriptions with real P-256 keys. What it receives is decrypted
 * with http_ece (an independent implementation of RFC 8188) and its VAPID JWT is verified with
 * node:crypto, so a test checks the whole round trip a browser's push service would see.
 */
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt } from 'http_ece';
import { expect } from 'vitest';

export interface Received {
  /** Which subscription it was for: the last part of the endpoint's path. */
  id: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A browser's side of one subscription: the keys it made and the JSON it gives the server. */
export interface BrowserSubscription {
  id: string;
  ecdh: ECDH;
  auth: string;
  json: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
}

/** How the service answers a subscription's messages; 201 is a push service's usual answer. */
export type Behaviour = { status: number } | 'hang';

export interface PushService {
  origin: string;
  /** An https.Agent that trusts this service's certificate (and nothing else). */
  agent: Agent;
  received: Received[];
  subscribe: (behaviour?: Behaviour) => BrowserSubscription;
  close: () => Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made once per test file. */
function certificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-push-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPushService(): Promise<PushService> {
  const { key, cert } = certificate();
  const received: Received[] = [];
  const behaviours = new Map<string, Behaviour>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = (req.url ?? '').split('/').pop() ?? '';
      const behaviour = behaviours.get(id) ?? { status: 201 };
      received.push({ id, headers: req.headers, body: Buffer.concat(chunks) });
      if (behaviour === 'hang') return;
      res.writeHead(behaviour.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    origin,
    agent: new Agent({ ca: cert }),
    received,
    subscribe: (behaviour = { status: 201 }) => {
      const id = `sub${++n}-${randomBytes(8).toString('hex')}`;
      behaviours.set(id, behaviour);
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16).toString('base64url');
      return { id, ecdh, auth, json: { endpoint: `${origin}/push/${id}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } } };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The message as the browser would read it: decrypted with the subscription's private key. */
export function decryptMessage(r: Received, s: BrowserSubscription): any {
  expect(r.headers['content-encoding']).toBe('aes128gcm');
  return JSON.parse(decrypt(r.body, { version: 'aes128gcm', privateKey: s.ecdh, authSecret: s.auth }).toString('utf8'));
}

/**
 * Checks the VAPID `Authorization: vapid t=<JWT>, k=<key>` header: the key is the server's,
 * the ES256 signature verifies against it, `aud` is the push service's origin, `exp` is ahead.
 * Returns the JWT's claims.
 */
export function verifyVapid(r: Received, serverKey: string, origin: string): { aud: string; exp: number; sub: string } {
  const header = String(r.headers.authorization ?? '');
  const m = header.match(/^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/);
  if (!m) throw new Error(`not a VAPID authorization: ${header.slice(0, 40)}`);
  const [, jwt, k] = m as unknown as [string, string, string];
  expect(k).toBe(serverKey);
  const [h, p, sig] = jwt.split('.') as [string, string, string];
  expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'ES256' });
  const raw = Buffer.from(k, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
  expect(ok, 'the VAPID JWT signature verifies against the server key').toBe(true);
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  expect(claims.aud).toBe(origin);
  expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  return claims;
}

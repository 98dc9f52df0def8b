import { createApi } from './http.js';

export interface PairingCode {
  code: string;
  /** Resolves with the device token once an admin has entered the code. */
  paired: Promise<string>;
  cancel: () => void;
}

/**
 * A kiosk or display without a token asks for a pairing code, shows it, and waits until an admin types it
 * in; then it receives its token. A new code is fetched when the old one expires.
 */
export async function startPairing(kind: 'kiosk' | 'display' | 'feedback', pollMs = 2500): Promise<PairingCode> {
  const api = createApi();
  const start = await api.request<{ id: number; code: string; secret: string; expiresAt: string }>('POST', '/api/pairing', { kind });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const paired = new Promise<string>((resolve, reject) => {
    const poll = async () => {
      if (stopped) return;
      try {
        // in a header, not the address: addresses end up in logs and browser history
        const status = await api.request<{ status: 'waiting' } | { status: 'paired'; token: string }>(
          'GET',
          `/api/pairing/${start.id}`,
          undefined,
          { 'x-pairing-secret': start.secret },
        );
        if (status.status === 'paired') return resolve(status.token);
      } catch (err) {
        if (Date.now() > Date.parse(start.expiresAt)) return reject(err);
      }
      timer = setTimeout(() => void poll(), pollMs);
    };
    timer = setTimeout(() => void poll(), pollMs);
  });
  return {
    code: start.code,
    paired,
    cancel: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

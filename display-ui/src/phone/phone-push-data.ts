import { createApi } from '@luukku/shared/http';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the nudges stand on this phone. */
export type PushState = 'checking' | 'unsupported' | 'denied' | 'off' | 'busy' | 'on' | 'failed';

/** The service worker's address: under /v/, so its scope covers the phone pages. */
export const serviceWorkerPath = '/v/push-sw.js';

/**
 * The phone page's opt-in to Web Push: registers the service worker, subscribes with the
 * server's VAPID key, and tells the server (POST /api/visits/:token/push); turning it off tells
 * the server and drops the browser's subscription. A subscription the page finds on load is
 * sent again, so a server that dropped it (the push service said it was gone) has it back.
 */
export class PushController implements ReactiveController {
  state: PushState = 'checking';
  private _api = createApi();
  private _registration: ServiceWorkerRegistration | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: () => string,
    private readonly language: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this._check();
  }

  hostDisconnected(): void {}

  private _set(state: PushState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private async _check(): Promise<void> {
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return this._set('unsupported');
    if (Notification.permission === 'denied') return this._set('denied');
    try {
      this._registration = await navigator.serviceWorker.register(serviceWorkerPath, { scope: '/v/' });
    } catch {
      return this._set('unsupported');
    }
    try {
      const existing = await this._registration.pushManager.getSubscription();
      if (existing && Notification.permission === 'granted') {
        await this._tellServer(existing);
        return this._set('on');
      }
    } catch {
      // the server refused it again (the visit ended, say): the visitor may turn it on anew
    }
    this._set('off');
  }

  async turnOn(): Promise<void> {
    if (!this._registration) return;
    this._set('busy');
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return this._set(permission === 'denied' ? 'denied' : 'off');
      const { publicKey } = await this._api.request<{ publicKey: string }>('GET', '/api/push/key');
      await navigator.serviceWorker.ready;
      const subscription =
        (await this._registration.pushManager.getSubscription()) ??
        (await withTimeout(this._registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(publicKey) }), subscribeTimeoutMs));
      await this._tellServer(subscription);
      this._set('on');
    } catch {
      this._set('failed');
    }
  }

  async turnOff(): Promise<void> {
    if (!this._registration) return;
    this._set('busy');
    try {
      const subscription = await this._registration.pushManager.getSubscription();
      if (subscription) {
        await this._api.request('DELETE', `/api/visits/${encodeURIComponent(this.token())}/push`, { endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      this._set('off');
    } catch {
      this._set('failed');
    }
  }

  private async _tellServer(subscription: PushSubscription): Promise<void> {
    const json = subscription.toJSON();
    await this._api.request('POST', `/api/visits/${encodeURIComponent(this.token())}/push`, {
      endpoint: json.endpoint,
      keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth },
      language: this.language(),
    });
  }
}

/** A browser without a reachable push service (some builds, no network) never settles `subscribe`. */
const subscribeTimeoutMs = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The VAPID key as the bytes `applicationServerKey` takes. */
function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const raw = atob(b64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

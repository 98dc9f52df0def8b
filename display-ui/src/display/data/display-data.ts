import { ApiError, createApi, type Api } from '@luukku/shared/http';
import { connectRealtime, type ConnectionState } from '@luukku/shared/realtime';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DisplayInfo, DisplaySnapshot, HubEvent, LocalizedText, RecentCall } from '@luukku/shared';
import { historyFromSnapshot, withCall } from './call-history.js';
import { Timers } from './timers.js';
import { withLineFigures } from '@luukku/shared/lines';

const tokenKey = 'luukku.display.device';
const zonePattern = /^(all|[a-z0-9-]{1,32})$/;

export interface DisplaySetup {
  token: string | null;
  /** `all`, a zone, or null for the zone the device was paired with. */
  zone: string | null;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

/** A token received by pairing; the page reloads into the paired display. */
export function rememberDisplayToken(token: string): void {
  localStorage.setItem(tokenKey, token);
}

/**
 * The display's device token: given once as /display?device=<token>, then kept by the page,
 * so the address bar (and any photo of the wall) no longer shows it. The zone stays in the
 * address: it says which desks this screen is for.
 */
export function displaySetupFromPage(): DisplaySetup {
  const url = new URL(location.href);
  const given = url.searchParams.get('device');
  let token = given || remembered();
  if (given) {
    try {
      localStorage.setItem(tokenKey, given);
    } catch {
      // storage off (private mode): the token works for this page load only
      token = given;
    }
    url.searchParams.delete('device');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const zone = url.searchParams.get('zone')?.trim().toLowerCase() ?? '';
  return { token, zone: zonePattern.test(zone) ? zone : null };
}

/** `rejected`: the server does not accept the device token (wrong, or revoked). */
export type DisplayStatus = ConnectionState | 'rejected';

/** A call missed while offline is still announced when it is at most this old. */
const replayAnnounceMs = 3 * 60_000;
const snapshotLimit = 12;
/** The information between calls is for today: fetched again this often, so a new day shows. */
const infoRefreshMs = 10 * 60_000;

/**
 * The display's door to the server: the snapshot on (re)connect, then live events through the
 * shared realtime client, which applies them in order and exactly once. Holds what the screen
 * shows — bounded: a short history, the current counts — and tells the host about each call.
 */
export class DisplayController implements ReactiveController {
  hubName: LocalizedText | null = null;
  agencies: DisplaySnapshot['agencies'] = [];
  queues: DisplaySnapshot['queues'] = [];
  /** Newest first, one entry per number. */
  calls: RecentCall[] = [];
  status: DisplayStatus = 'connecting';
  /** What to show between calls; null until loaded (or when the server has none). */
  info: DisplayInfo | null = null;

  private readonly _api: Api;
  private _rt: ReturnType<typeof connectRealtime> | null = null;
  /** Bumped on disconnect, so callbacks of a closed connection change nothing. */
  private _generation = 0;
  private readonly _timers = new Timers();
  private _catchingUp = true;
  private _snapshotFailures = 0;
  /** Server clock minus ours, learnt from live calls; judges how old a missed call is. */
  private _clockSkewMs = 0;
  /** The seq the waiting counts reflect, so an older snapshot never overwrites newer counts. */
  private _queuesSeq = -1;
  private _refreshing: Promise<void> | null = null;
  private _refreshAgain = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly setup: { token: string; zone: string | null },
    /** `current`: live, or missed only moments ago — worth saying aloud. */
    private readonly onCall: (call: RecentCall, current: boolean) => void,
  ) {
    this._api = createApi({ token: setup.token });
    host.addController(this);
  }

  hostConnected(): void {
    const generation = ++this._generation;
    const live = () => generation === this._generation;
    const rt = connectRealtime({
      auth: this.setup.zone ? { token: this.setup.token, zone: this.setup.zone } : { token: this.setup.token },
      snapshot: () => this._loadSnapshot(live),
      onEvent: (e) => live() && this._apply(e),
      onState: (s) => live() && this._onState(s),
    });
    rt.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (!live()) return;
      const code = err.data?.code;
      if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') this._setStatus('rejected');
      // socket.io does not retry a handshake the server refused; a display must keep trying
      if (!rt.socket.active) this._timers.after(code ? 30_000 : 5_000, () => live() && rt.socket.connect());
    });
    rt.socket.on('disconnect', (reason) => {
      // the server closed the socket (restart, device revoked): socket.io would stay away
      if (live() && reason === 'io server disconnect') this._timers.after(3_000, () => live() && rt.socket.connect());
    });
    this._rt = rt;
    const refreshInfo = () => {
      if (!live()) return;
      void this._loadInfo(live);
      this._timers.after(infoRefreshMs, refreshInfo);
    };
    this._timers.after(infoRefreshMs, refreshInfo);
  }

  /** The information between calls; a failure keeps what was shown (the next change or refresh retries). */
  private async _loadInfo(live: () => boolean): Promise<void> {
    try {
      const info = await this._api.request<DisplayInfo>('GET', '/api/display/info');
      if (!live()) return;
      this.info = info;
      this.host.requestUpdate();
    } catch {
      // kept as it was
    }
  }

  hostDisconnected(): void {
    this._generation++;
    this._timers.clear();
    this._rt?.close();
    this._rt = null;
    this._catchingUp = true;
  }

  private _fetchSnapshot(): Promise<DisplaySnapshot> {
    const params = new URLSearchParams({ limit: String(snapshotLimit) });
    if (this.setup.zone) params.set('zone', this.setup.zone);
    return this._api.request<DisplaySnapshot>('GET', `/api/display/snapshot?${params}`);
  }

  private async _loadSnapshot(live: () => boolean): Promise<number> {
    try {
      const s = await this._fetchSnapshot();
      this._snapshotFailures = 0;
      void this._loadInfo(live);
      if (live()) {
        this.hubName = s.hubName;
        this.agencies = s.agencies;
        this.queues = s.queues;
        this._queuesSeq = s.seq;
        this.calls = historyFromSnapshot(s.calls);
        this.host.requestUpdate();
      }
      return s.seq;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this._setStatus('rejected');
      // the realtime client reconnects at once when this fails; wait first, longer each time
      this._snapshotFailures++;
      await this._timers.sleep(Math.min(30_000, 1000 * 2 ** this._snapshotFailures));
      // closed meanwhile: never settle, or the realtime client would reopen a closed socket
      if (!live()) return new Promise<number>(() => {});
      throw err;
    }
  }

  private _apply(e: HubEvent): void {
    if (e.type === 'call') {
      const call: RecentCall = { ...e.data, at: e.at };
      if (!this._catchingUp) this._clockSkewMs = Date.parse(e.at) - Date.now();
      const current = !this._catchingUp || Date.now() + this._clockSkewMs - Date.parse(e.at) < replayAnnounceMs;
      this.calls = withCall(this.calls, call);
      this.onCall(call, current);
      this.host.requestUpdate();
    } else if (e.type === 'queues') {
      // the event carries the lines its change touched; the others stay as they are
      this.queues = withLineFigures(this.queues, e.data.queues);
      this._queuesSeq = e.seq;
      this.host.requestUpdate();
    } else if (e.type === 'catalog') {
      void this._refreshCatalog();
    }
  }

  /**
   * The coordinator changed the hub's setup (an agency's name or colour, a new service): take
   * names and colours from a fresh snapshot. Calls stay as the event stream made them, so
   * nothing is shown or said twice. One reload at a time; changes meanwhile cause one more.
   */
  private async _refreshCatalog(): Promise<void> {
    if (this._refreshing) {
      this._refreshAgain = true;
      return;
    }
    const generation = this._generation;
    void this._loadInfo(() => generation === this._generation);
    this._refreshing = (async () => {
      do {
        this._refreshAgain = false;
        try {
          const s = await this._fetchSnapshot();
          if (generation !== this._generation) return;
          this.hubName = s.hubName;
          this.agencies = s.agencies;
          if (s.seq >= this._queuesSeq) {
            this.queues = s.queues;
            this._queuesSeq = s.seq;
          }
          this.host.requestUpdate();
        } catch {
          // the next change, or the next reconnect, brings the names again
        }
      } while (this._refreshAgain && generation === this._generation);
    })();
    try {
      await this._refreshing;
    } finally {
      this._refreshing = null;
    }
  }

  private _onState(s: ConnectionState): void {
    // events until the next "online" are the catch-up after a (re)connect, not live ones
    this._catchingUp = s !== 'online';
    if (s === 'online' || this.status !== 'rejected') this._setStatus(s);
  }

  private _setStatus(s: DisplayStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.host.requestUpdate();
  }
}

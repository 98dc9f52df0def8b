import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DisplayInfo } from '@luukku/shared';

export type InfoItem = DisplayInfo['items'][number];

/**
 * Which hub information to show now, if any: none while a call is fresh (`callSeconds` after
 * it was made or last said), then each item in turn for `rotateSeconds`. Also says when that
 * changes next, so the screen redraws then and not every second.
 */
export function idleItem(info: DisplayInfo | null, lastCallAt: number, now: number): { item: InfoItem | null; nextInMs: number | null } {
  if (!info || info.items.length === 0) return { item: null, nextInMs: null };
  const quiet = now - lastCallAt - info.callSeconds * 1000;
  if (quiet < 0) return { item: null, nextInMs: -quiet };
  const each = info.rotateSeconds * 1000;
  const step = Math.floor(quiet / each);
  return { item: info.items[step % info.items.length]!, nextInMs: info.items.length > 1 ? each - (quiet % each) : null };
}

/** Wakes the host when the information shown between calls should change. */
export class InfoRotation implements ReactiveController {
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Redraw in `ms` (replacing any earlier wake-up); null: nothing changes by itself. */
  wakeIn(ms: number | null): void {
    clearTimeout(this._timer);
    this._timer = ms === null ? undefined : setTimeout(() => this.host.requestUpdate(), ms + 20);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
  }
}

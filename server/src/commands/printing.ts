import type { DeviceRecord } from '@luukku/db';
import { write, type CommandContext } from './context.js';

/**
 * Remembers how the kiosk's last print went. Staff hear of it when the printer fails, and again
 * when it recovers, not on every ticket.
 */
export function recordPrintResult(ctx: CommandContext, device: DeviceRecord, ok: boolean, error: string | null): void {
  write(ctx, device.hubId, (w, now) => {
    const before = ctx.q.device(device.id)?.lastPrint ?? null;
    ctx.q.recordPrint(device.id, now, ok, error);
    const changed = before === null ? !ok : before.ok !== ok;
    if (changed) {
      w.emit('device', { deviceId: device.id, name: device.name, ok, at: new Date(now).toISOString(), error });
    }
    if (!ok) {
      ctx.q.audit({ hubId: device.hubId, at: now, actorKind: 'device', actorId: device.id, action: 'print.failed', subject: `device:${device.id}`, detail: { error } });
    }
  });
}

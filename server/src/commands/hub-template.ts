import { DomainError } from '@luukku/shared';
import type { HubTemplateCopy, UserRecord } from '@luukku/db';
import type { CommandContext } from './context.js';

export interface NewHub {
  slug: string;
  name: Record<string, string>;
  /** The hub whose settings, agencies, services and kiosk questions the new one starts with. */
  templateHubId: number;
}

/**
 * A region admin makes a hub from another's catalogue (issue 12 §1). The new hub starts with no
 * desks, people or devices: its admin adds the rooms, staff are rostered to it, kiosks paired.
 * Audited in both hubs: the template's log says who copied it where.
 */
export function createHubFromTemplate(ctx: CommandContext, admin: UserRecord, body: NewHub): HubTemplateCopy {
  return ctx.q.transaction(() => {
    if (!ctx.q.hub(body.templateHubId)) throw new DomainError('HUB_NOT_FOUND', `No hub ${body.templateHubId} to copy`);
    if (ctx.q.hubBySlug(body.slug)) throw new DomainError('HUB_SLUG_TAKEN', `A hub is already called ${body.slug}`, { slug: body.slug });
    const now = ctx.now().getTime();
    const made = ctx.q.insertHubFromTemplate(body.templateHubId, { slug: body.slug, name: body.name }, now);
    const detail = { slug: body.slug, template: body.templateHubId, agencies: made.agencies, services: made.services, questions: made.questions };
    for (const hubId of [made.hubId, body.templateHubId]) {
      ctx.q.audit({ hubId, at: now, actorKind: 'user', actorId: admin.id, action: 'hub.create', subject: `hub:${made.hubId}`, detail });
    }
    return made;
  });
}

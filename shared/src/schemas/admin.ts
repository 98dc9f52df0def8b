import { z } from 'zod';
import { ReferralPlacement } from './catalog.js';

export const HubPolicyBody = z
  .object({ referralPolicy: ReferralPlacement, targetWaitMin: z.number().int().min(1).max(240) })
  .strict();

import { Zone, LocalizedText } from './common.js';
import { RecentCall, QueuesData } from './events.js';
import { PrinterStatus } from './printer.js';

export const DisplayQuery = z.object({ zone: z.union([z.literal('all'), Zone]).optional(), limit: z.coerce.number().int().min(1).max(50).default(12) }).strict();

/** Everything a lobby display paints first; live events after `seq` keep it current. */
export const DisplaySnapshot = z.object({
  seq: z.number().int(),
  hubName: LocalizedText,
  zone: z.string().nullable(),
  agencies: z.array(z.object({ id: z.number().int(), name: LocalizedText, color: z.string() })),
  services: z.array(z.object({ id: z.number().int(), agencyId: z.number().int(), label: LocalizedText })),
  calls: z.array(RecentCall),
  queues: QueuesData.shape.queues,
});
export type DisplaySnapshot = z.infer<typeof DisplaySnapshot>;

export const PrintersResponse = z.object({ printers: z.array(PrinterStatus) });

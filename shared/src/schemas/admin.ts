import { z } from 'zod';
import { ReferralPlacement } from './catalog.js';

export const HubPolicyBody = z
  .object({ referralPolicy: ReferralPlacement, targetWaitMin: z.number().int().min(1).max(240) })
  .strict();

import { z } from 'zod';
import { Role } from '@luukku/shared';

/**
 * How an ID token's claims become a Luukku role and agencies (LUUKKU_OIDC_CLAIMS). `claim` names
 * the claim holding the user's groups or roles (a dotted path reaches into an object, e.g.
 * Keycloak's `realm_access.roles`); `map` gives, per value of that claim, a role and/or agency
 * codes. An entry may grow more keys beside `role` and `agencies` (e.g. hubs) without changing
 * the shape.
 */
export const ClaimsMapping = z
  .object({
    claim: z.string().regex(/^[\w:/.-]{1,200}$/).default('groups'),
    map: z.record(
      z.string().min(1).max(500),
      z.strictObject({
        role: Role.optional(),
        agencies: z.array(z.string().min(1).max(50)).max(100).default([]),
        /**
         * The hubs this group works in, by slug, each with its ISO weekdays (1 = Monday) or null
         * for any day: `{"mantsala": [1, 3, 5], "pornainen": [2, 4]}`. The agencies apply in each.
         */
        hubs: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.array(z.number().int().min(1).max(7)).min(1).max(7).nullable()).optional(),
      }),
    ),
  })
  .strict();
export type ClaimsMapping = z.infer<typeof ClaimsMapping>;

export interface MappedAccess {
  role: Role;
  /** Agency codes, sorted, without repeats. */
  agencies: string[];
  /** Hub slug → weekdays (null: any day), in the order the mapping names them; null when no group names hubs. */
  hubs: Map<string, number[] | null> | null;
}

// a user in several mapped groups gets the widest of their roles
const rank: Record<Role, number> = { staff: 1, guide: 2, admin: 3, region_admin: 4 };

function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let v: unknown = claims[path];
  if (v === undefined && path.includes('.')) {
    v = path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The role and agencies the claims grant, or null: no mapped value gives a role, so no access. */
export function mapClaims(mapping: ClaimsMapping, claims: Record<string, unknown>): MappedAccess | null {
  let role: Role | null = null;
  const agencies = new Set<string>();
  let hubs: Map<string, number[] | null> | null = null;
  for (const value of claimValues(claims, mapping.claim)) {
    const entry = Object.hasOwn(mapping.map, value) ? mapping.map[value] : undefined;
    if (!entry) continue;
    if (entry.role && (role === null || rank[entry.role] > rank[role])) role = entry.role;
    for (const a of entry.agencies) agencies.add(a);
    for (const [slug, days] of Object.entries(entry.hubs ?? {})) {
      hubs ??= new Map();
      // two groups naming one hub: the days of both, and any day wins
      const before = hubs.get(slug);
      hubs.set(slug, before === undefined ? days : before === null || days === null ? null : [...new Set([...before, ...days])].sort());
    }
  }
  return role === null ? null : { role, agencies: [...agencies].sort(), hubs };
}

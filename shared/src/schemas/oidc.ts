import { z } from 'zod';

/** What the login page offers: the organisation's sign-in (OpenID Connect) and/or local passwords. */
export const LoginOptions = z.object({
  oidc: z.boolean(),
  /** Local passwords; false when the install turned them off for all but its break-glass admins. */
  passwords: z.boolean(),
});
export type LoginOptions = z.infer<typeof LoginOptions>;

/** Logout's answer; `logoutUrl` is the identity provider's end-session page to go to next, if any. */
export const LogoutResult = z.object({ ok: z.literal(true), logoutUrl: z.url().optional() });
export type LogoutResult = z.infer<typeof LogoutResult>;

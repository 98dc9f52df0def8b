import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ClaimsMapping } from './oidc-mapping.js';

/** Sign-in with the organisation's account (OpenID Connect), as LUUKKU_OIDC_* configure it. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent: a public client, authenticated by PKCE alone. */
  clientSecret: string | undefined;
  /** Where the identity provider sends the browser back: <public URL>/api/auth/oidc/callback. */
  redirectUrl: string;
  /** Where the identity provider sends the browser after its own logout: the console. */
  postLogoutUrl: string;
  scopes: string;
  claims: ClaimsMapping;
  /** Plain http to the issuer; for tests against a provider on loopback only. */
  allowInsecureRequests: boolean;
}

export const callbackPath = '/api/auth/oidc/callback';

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Refuses a configuration that would be unsafe or cannot work; the message names the setting. */
export function checkOidcConfig(c: OidcConfig): OidcConfig {
  if (c.allowInsecureRequests && !isLoopbackUrl(c.issuer)) {
    throw new Error('LUUKKU_OIDC_ALLOW_HTTP is for tests against a provider on loopback; this issuer is not on loopback');
  }
  if (!c.allowInsecureRequests && new URL(c.issuer).protocol !== 'https:') {
    throw new Error('LUUKKU_OIDC_ISSUER must be an https: URL');
  }
  if (!/(^|\s)openid(\s|$)/.test(c.scopes)) throw new Error('LUUKKU_OIDC_SCOPES must include openid');
  return c;
}

export interface OidcEnv {
  LUUKKU_OIDC_ISSUER?: string | undefined;
  LUUKKU_OIDC_CLIENT_ID?: string | undefined;
  LUUKKU_OIDC_CLIENT_SECRET?: string | undefined;
  LUUKKU_OIDC_REDIRECT_URL?: string | undefined;
  LUUKKU_OIDC_SCOPES: string;
  LUUKKU_OIDC_CLAIMS?: string | undefined;
  LUUKKU_OIDC_CLAIMS_FILE?: string | undefined;
  LUUKKU_OIDC_ALLOW_HTTP: boolean;
  LUUKKU_PUBLIC_URL?: string | undefined;
}

/** The OIDC part of the configuration, or null when LUUKKU_OIDC_ISSUER is unset. */
export function oidcFromEnv(e: OidcEnv): OidcConfig | null {
  if (!e.LUUKKU_OIDC_ISSUER) return null;
  const bad = (why: string) => new Error(`Bad configuration: ${why}`);
  if (!e.LUUKKU_OIDC_CLIENT_ID) throw bad('LUUKKU_OIDC_CLIENT_ID is required with LUUKKU_OIDC_ISSUER');
  const base = e.LUUKKU_PUBLIC_URL?.replace(/\/+$/, '');
  const redirectUrl = e.LUUKKU_OIDC_REDIRECT_URL ?? (base ? base + callbackPath : undefined);
  if (!redirectUrl) throw bad('LUUKKU_OIDC_REDIRECT_URL (or LUUKKU_PUBLIC_URL) is required with LUUKKU_OIDC_ISSUER');
  if (e.LUUKKU_OIDC_CLAIMS && e.LUUKKU_OIDC_CLAIMS_FILE) throw bad('set LUUKKU_OIDC_CLAIMS or LUUKKU_OIDC_CLAIMS_FILE, not both');
  const text = e.LUUKKU_OIDC_CLAIMS ?? (e.LUUKKU_OIDC_CLAIMS_FILE ? readFileSync(e.LUUKKU_OIDC_CLAIMS_FILE, 'utf8') : undefined);
  if (!text) throw bad('LUUKKU_OIDC_CLAIMS or LUUKKU_OIDC_CLAIMS_FILE is required with LUUKKU_OIDC_ISSUER: without it nobody has a role');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('the claims mapping is not JSON');
  }
  const claims = ClaimsMapping.safeParse(json);
  if (!claims.success) throw bad(`the claims mapping:\n${z.prettifyError(claims.error)}`);
  try {
    return checkOidcConfig({
      issuer: e.LUUKKU_OIDC_ISSUER,
      clientId: e.LUUKKU_OIDC_CLIENT_ID,
      clientSecret: e.LUUKKU_OIDC_CLIENT_SECRET,
      redirectUrl,
      postLogoutUrl: new URL('/staff', redirectUrl).href,
      scopes: e.LUUKKU_OIDC_SCOPES,
      claims: claims.data,
      allowInsecureRequests: e.LUUKKU_OIDC_ALLOW_HTTP,
    });
  } catch (err) {
    throw bad((err as Error).message);
  }
}

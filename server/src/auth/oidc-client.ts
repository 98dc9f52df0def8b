import * as client from 'openid-client';
import { DomainError } from '@luukku/shared';
import { checkOidcConfig, type OidcConfig } from './oidc-config.js';
import { newToken } from './secrets.js';

/** A sign-in under way: what the callback must find again, kept here and never in the browser. */
interface Pending {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

/** The identity provider's answer, checked: the ID token's claims and the token itself. */
export interface SignedIn {
  claims: Record<string, unknown>;
  idToken: string;
}

export const pendingTtlMs = 10 * 60_000;
// sign-ins started and never finished are forgotten at their expiry; this many at once at most
const pendingMax = 10_000;

/**
 * The relying party: authorization code flow with PKCE, state and nonce (openid-client 6).
 * Discovery runs at the first sign-in and is kept; a failed one is tried again next time.
 * openid-client checks the discovery document's issuer, the ID token's issuer, audience,
 * signature, expiry and nonce, the state, and RFC 9207's `iss` on the callback.
 */
export function createOidcClient(config: OidcConfig, now: () => number) {
  checkOidcConfig(config);
  const pending = new Map<string, Pending>();
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
        { timeout: 10, ...(config.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {}) },
      )
      .catch((err: unknown) => {
        discovered = undefined;
        throw new DomainError('OIDC_UNAVAILABLE', `The identity provider's discovery failed: ${(err as Error).message}`);
      });
    return discovered;
  };

  const forgetExpired = (at: number) => {
    for (const [handle, p] of pending) if (p.expiresAt <= at) pending.delete(handle);
  };

  return {
    /** Begins a sign-in: the provider's authorization URL, and the handle the browser keeps in a cookie. */
    async start(): Promise<{ url: string; handle: string }> {
      const c = await configuration();
      const at = now();
      if (pending.size >= pendingMax) forgetExpired(at);
      if (pending.size >= pendingMax) throw new DomainError('RATE_LIMITED', 'Too many sign-ins under way; try again in a few minutes');
      const p: Pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), expiresAt: at + pendingTtlMs };
      const handle = newToken(24);
      pending.set(handle, p);
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: config.redirectUrl,
        scope: config.scopes,
        state: p.state,
        nonce: p.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(p.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, handle };
    },

    /**
     * Finishes a sign-in from the callback's query string. The handle is used once: a replayed
     * callback finds nothing. Anything wrong is OIDC_LOGIN_FAILED, with the reason for the log.
     */
    async finish(handle: string | undefined, query: string): Promise<SignedIn> {
      const p = handle === undefined ? undefined : pending.get(handle);
      if (handle !== undefined) pending.delete(handle);
      if (!p || p.expiresAt <= now()) throw new DomainError('OIDC_LOGIN_FAILED', 'No sign-in under way in this browser (or it took too long)');
      const c = await configuration();
      // the URL the provider sent the browser to, rebuilt from configuration rather than the
      // request's Host header, which a proxy in front may have changed
      const callback = new URL(config.redirectUrl);
      callback.search = query;
      try {
        const tokens = await client.authorizationCodeGrant(c, callback, {
          pkceCodeVerifier: p.codeVerifier,
          expectedState: p.state,
          expectedNonce: p.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new Error('no ID token');
        return { claims: { ...claims }, idToken: tokens.id_token };
      } catch (err) {
        // openid-client wraps the precise reason ("unexpected ID Token "nonce" claim value") as the cause
        const cause = (err as { cause?: unknown }).cause;
        const why = cause instanceof Error ? `${(err as Error).message}: ${cause.message}` : (err as Error).message;
        throw new DomainError('OIDC_LOGIN_FAILED', `The sign-in was refused: ${why}`);
      }
    },

    /** The provider's RP-initiated logout page for this ID token, if the provider has one. */
    async endSessionUrl(idToken: string): Promise<string | undefined> {
      let c: client.Configuration;
      try {
        c = await configuration();
      } catch {
        return undefined; // the Luukku session ends all the same
      }
      if (!c.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(c, { id_token_hint: idToken, post_logout_redirect_uri: config.postLogoutUrl }).href;
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;

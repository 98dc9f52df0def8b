import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, ErrorBody, LoginOptions, isErrorCode } from '@luukku/shared';
import { createOidcClient, pendingTtlMs, type OidcClient } from '../auth/oidc-client.js';
import { mapClaims } from '../auth/oidc-mapping.js';
import { startSession } from '../auth/session.js';
import { oidcLogin, type OidcIdentity } from '../commands/oidc-login.js';
import { perAddress } from '../plugins/request-limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The organisation's sign-in (OpenID Connect); null when not configured. */
    oidc: OidcClient | null;
  }
}

/** The browser's half of a sign-in under way: a random handle, the rest stays on the server. */
const pendingCookie = 'luukku_oidc';
const cookiePath = '/api/auth/oidc';
/** The console; a refused sign-in comes back here with its code, which the login page explains. */
const consolePath = '/staff';

const CallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(1000).optional(),
  iss: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

const staffLanguage = (locale: unknown): OidcIdentity['language'] => {
  const l = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return l === 'sv' || l === 'en' ? l : 'fi';
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

/**
 * Sign-in with the organisation's account (issue 12 §2): /start sends the browser to the
 * identity provider, /callback checks its answer, maps the claims to a role and agencies (read
 * afresh at every sign-in), starts the same session a password login does, and returns to
 * the console. A plugin without encapsulation, so that logout (routes/auth.ts) reaches `app.oidc`.
 */
export default fp(
  async (app: FastifyInstance) => {
    const oidc = app.config.oidc ? createOidcClient(app.config.oidc, () => app.config.now().getTime()) : null;
    app.decorate('oidc', oidc);
    const r = app.withTypeProvider<ZodTypeProvider>();
    const secure = (req: FastifyRequest) => (app.config.publicUrl?.startsWith('https:') ?? false) || req.protocol === 'https';

    const refuse = (req: FastifyRequest, reply: FastifyReply, err: unknown) => {
      const code = err instanceof DomainError && isErrorCode(err.code) ? err.code : 'OIDC_LOGIN_FAILED';
      req.log.warn({ code, reason: (err as Error).message }, 'organisation sign-in refused');
      app.q.audit({ hubId: null, at: app.config.now().getTime(), actorKind: 'anonymous', actorId: null, action: 'auth.oidc_refused', subject: null, detail: { code, reason: (err as Error).message.slice(0, 300), ip: req.ip } });
      return reply.redirect(`${consolePath}?loginError=${code}`, 303);
    };

    r.get(
      '/api/auth/options',
      { schema: { tags: ['auth'], summary: "What the login page offers: the organisation's sign-in and/or passwords", response: { 200: LoginOptions } } },
      async () => ({ oidc: oidc !== null, passwords: app.config.localPasswords }),
    );

    r.get(
      '/api/auth/oidc/start',
      {
        config: { rateLimit: perAddress(app.config.loginRateLimitPerMinute) },
        schema: {
          tags: ['auth'],
          summary: "Begins a sign-in with the organisation's account: redirects (302) to the identity provider",
          description: 'A refused start (provider unreachable) redirects (303) to /staff?loginError=<code>.',
          response: { 404: ErrorBody },
        },
      },
      async (req, reply) => {
        if (!oidc) throw new DomainError('OIDC_NOT_CONFIGURED', "Sign-in with the organisation's account is not configured here");
        try {
          const { url, handle } = await oidc.start();
          // Lax, not Strict: the provider sends the browser back with a cross-site navigation
          reply.setCookie(pendingCookie, handle, { path: cookiePath, httpOnly: true, sameSite: 'lax', secure: secure(req), maxAge: pendingTtlMs / 1000 });
          return reply.redirect(url, 302);
        } catch (err) {
          return refuse(req, reply, err);
        }
      },
    );

    r.get(
      '/api/auth/oidc/callback',
      {
        config: { rateLimit: perAddress(app.config.loginRateLimitPerMinute) },
        schema: {
          tags: ['auth'],
          summary: "Where the identity provider returns: starts the session and redirects (303) to the console",
          description: 'A refused sign-in redirects (303) to /staff?loginError=<code>: OIDC_LOGIN_FAILED, OIDC_NOT_MAPPED, OIDC_UNAVAILABLE or FORBIDDEN.',
          querystring: CallbackQuery,
          response: { 404: ErrorBody },
        },
      },
      async (req, reply) => {
        if (!oidc) throw new DomainError('OIDC_NOT_CONFIGURED', "Sign-in with the organisation's account is not configured here");
        const handle = req.cookies[pendingCookie];
        reply.clearCookie(pendingCookie, { path: cookiePath });
        try {
          const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          const { claims, idToken } = await oidc.finish(handle, query);
          const sub = String(claims.sub);
          const username = text(claims.preferred_username) ?? text(claims.email) ?? sub;
          const who: OidcIdentity = {
            subject: `${String(claims.iss)} ${sub}`,
            username,
            displayName: text(claims.name) ?? username,
            language: staffLanguage(claims.locale),
          };
          const access = mapClaims(app.config.oidc!.claims, claims);
          const hubId = app.q.hubs()[0]?.id;
          if (hubId === undefined) throw new DomainError('HUB_NOT_FOUND', 'No hub to sign in to');
          const result = oidcLogin(app.commands, hubId, who, access);
          // the old access is gone: cut their live sockets now, not at the next sweep (rule 8)
          if (result.changed && result.user === null) app.realtime.kickUser(app.q.userIdByOidcSubject(who.subject)!);
          if (result.changed && result.user) app.realtime.kickUser(result.user.id);
          if (result.unknownAgencies.length) req.log.warn({ agencies: result.unknownAgencies }, 'the claims mapping names agencies the user\'s hubs do not have');
          if (result.unknownHubs.length) req.log.warn({ hubs: result.unknownHubs }, 'the claims mapping names hubs this install does not have');
          if (!result.user) throw new DomainError('OIDC_NOT_MAPPED', 'Your organisation account has no role in Luukku');
          startSession(app, req, reply, result.user, { idToken, detail: { method: 'oidc', created: result.created, changed: result.changed } });
          return reply.redirect(consolePath, 303);
        } catch (err) {
          return refuse(req, reply, err);
        }
      },
    );
  },
  { name: 'oidc-routes', dependencies: ['auth'] },
);

/**
 * A real OpenID provider for the tests (oidc-provider 9, a certified implementation) on
 * 127.0.0.1, with one client registered for Luukku. Its development interactions show a login
 * form where any name signs in; the claims each name gets, `groups` included, are what the
 * test puts in `accounts`, so a test changes a person's groups between two sign-ins.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { FastifyInstance } from 'fastify';
import type { Config } from '@luukku/server';

type OidcConfig = NonNullable<Config['oidc']>;

export interface TestAccount {
  name?: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  close: () => Promise<void>;
}

export const clientId = 'luukku';
export const clientSecret = 'a-test-client-secret-of-some-length';

export async function startProvider(options: { redirectUrl: string; postLogoutUrl: string }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUrl], post_logout_redirect_uris: [options.postLogoutUrl] }],
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        claims: async () => ({ sub: id, preferred_username: id, name: accounts.get(id)?.name ?? id, groups: accounts.get(id)?.groups ?? [] }),
      };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] },
    // the groups in the ID token itself, as Entra ID and Keycloak put them there
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Luukku's settings for a test provider; groups map as in the README's example. */
export function oidcSettings(issuer: string, redirectUrl: string): OidcConfig {
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    postLogoutUrl: new URL('/staff', redirectUrl).href,
    scopes: 'openid profile email',
    claims: {
      claim: 'groups',
      map: {
        'luukku-kela': { role: 'staff', agencies: ['kela'] },
        'luukku-tyo': { role: 'staff', agencies: ['tyo'] },
        'luukku-admins': { role: 'admin', agencies: [] },
        // issue 12 §1: Kela's expert in Mäntsälä on Mon, Wed, Fri and at the Pornainen pop-up on Tue, Thu
        'luukku-kela-kierto': { role: 'staff', agencies: ['kela'], hubs: { mantsala: [1, 3, 5], pornainen: [2, 4] } },
        'luukku-kela-mantsala': { role: 'staff', agencies: ['kela'], hubs: { mantsala: null } },
      },
    },
    allowInsecureRequests: true,
  };
}

export interface Hop {
  method: string;
  url: string;
  status: number;
  location?: string;
}

/**
 * A browser without a screen: cookie jars per host, redirects followed one by one, the
 * provider's forms filled in (login with `login` and any password; consent accepted). Requests
 * to Luukku's origin go through `app.inject`; the rest over the network.
 */
export class Browser {
  readonly jars = new Map<string, Map<string, string>>();
  readonly hops: Hop[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly luukkuOrigin: string,
  ) {}

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  /** The Cookie header the browser would send to Luukku. */
  luukkuCookies(): string {
    return [...(this.jars.get(new URL(this.luukkuOrigin).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(host: string, setCookies: string[]) {
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  async request(method: string, url: string, form?: URLSearchParams): Promise<{ status: number; location?: string; body: string }> {
    const u = new URL(url);
    const cookie = [...(this.jars.get(u.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    let out: { status: number; location?: string; body: string; setCookies: string[] };
    if (u.origin === this.luukkuOrigin) {
      const res = await this.app.inject({ method: method as 'GET', url: u.pathname + u.search, headers: cookie ? { cookie } : {} });
      const sc = res.headers['set-cookie'];
      out = { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body, setCookies: sc === undefined ? [] : Array.isArray(sc) ? sc : [sc] };
    } else {
      const res = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form?.toString(),
      });
      out = { status: res.status, location: res.headers.get('location') ?? undefined, body: await res.text(), setCookies: res.headers.getSetCookie() };
    }
    this.remember(u.host, out.setCookies);
    const location = out.location === undefined ? undefined : new URL(out.location, url).href;
    this.hops.push({ method, url, status: out.status, ...(location ? { location } : {}) });
    return { status: out.status, body: out.body, ...(location ? { location } : {}) };
  }

  /**
   * Follows redirects and the provider's forms from `url` until an answer that is neither, or
   * until a page of Luukku's UI.
   * `edit` may change (or stop at, by returning null) each URL before it is requested.
   */
  async go(url: string, options: { login?: string; edit?: (url: URL) => URL | null } = {}): Promise<{ url: string; status: number; location?: string }> {
    let next: { method: string; url: string; form?: URLSearchParams } | null = { method: 'GET', url };
    for (let i = 0; i < 20 && next; i++) {
      const edited: URL | null = options.edit ? options.edit(new URL(next.url)) : new URL(next.url);
      // a page of Luukku's UI is where the flow ends: not requested (status 0), the test looks at it
      if (!edited || (edited.origin === this.luukkuOrigin && !edited.pathname.startsWith('/api/'))) return { url: edited?.href ?? next.url, status: 0 };
      const res = await this.request(next.method, edited.href, next.form);
      if (res.location && res.status >= 300 && res.status < 400) {
        next = { method: 'GET', url: res.location };
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(res.body);
      if (res.status === 200 && form) {
        const fields = new URLSearchParams();
        for (const m of res.body.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) fields.set(m[1]!, m[2]!);
        if (fields.get('prompt') === 'login') {
          fields.set('login', options.login ?? 'someone');
          fields.set('password', 'any password');
        }
        next = { method: 'POST', url: new URL(form[1]!.replace(/&amp;/g, '&'), edited).href, form: fields };
        continue;
      }
      return { url: edited.href, status: res.status, ...(res.location ? { location: res.location } : {}) };
    }
    throw new Error(`too many hops: ${JSON.stringify(this.hops.slice(-5))}`);
  }
}

import type { FastifyRequest } from 'fastify';

const hidden = '[redacted]';
/**
 * Query parameters that carry a credential: a device token on first load, an old client's
 * pairing secret, and the authorization code and state an OpenID provider sends back.
 */
const secretParams = new Set(['device', 'secret', 'token', 'visit', 'code', 'state']);
/** Paths whose last part is a visit's follow token: the phone page and its API. */
const tokenPaths = [/^(\/v\/)[^/?#]+/, /^(\/api\/visits\/)[^/?#]+/];

/**
 * An address as it may be logged: visit tokens in the path and credentials in the query are
 * replaced, everything else (which page, which zone) is kept for the reader of the log.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  for (const p of tokenPaths) path = path.replace(p, `$1${hidden}`);
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeSafely(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      return secretParams.has(name) ? `${pair.slice(0, eq < 0 ? pair.length : eq)}=${hidden}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The request fields Fastify logs by default, without the secrets some addresses carry. */
export const logSerializers = {
  req: (req: FastifyRequest) => ({
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

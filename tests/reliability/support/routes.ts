import { buildApp, testConfig } from '@luukku/server';

export interface RouteInfo {
  /** 'POST /api/steps/{id}/call', as in the OpenAPI document. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
}

/** Routes the OpenAPI document leaves out on purpose, but which answer all the same. */
export const hiddenRoutes: RouteInfo[] = [
  { key: 'GET /api/openapi.json', method: 'GET', path: '/api/openapi.json', pathParams: [], queryParams: [], hasBody: false },
  { key: 'GET /metrics', method: 'GET', path: '/metrics', pathParams: [], queryParams: [], hasBody: false },
];

/** Every route of the API, read from the server's own /api/openapi.json (plus the hidden ones). */
export async function apiRoutes(): Promise<RouteInfo[]> {
  const app = await buildApp(testConfig({ demo: false }));
  try {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>>;
    };
    const routes: RouteInfo[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        const params = op.parameters ?? [];
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
          hasBody: op.requestBody !== undefined,
        });
      }
    }
    return [...routes, ...hiddenRoutes].sort((a, b) => a.key.localeCompare(b.key));
  } finally {
    await app.close();
  }
}

/** The path with its {params} filled in; values are used as given (encode them first if needed). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return v;
  });
}

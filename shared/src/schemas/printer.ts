import { z } from 'zod';

/** How a kiosk prints: to an ESC/POS printer on the LAN, to files (demo), or by the browser. */
export const PrinterSettings = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('network'),
    host: z.union([z.ipv4(), z.ipv6(), z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'host name')]),
    port: z.number().int().min(1).max(65535).default(9100),
    timeoutMs: z.number().int().min(200).max(30_000).default(3000),
  }).strict(),
  z.object({ kind: z.literal('file') }).strict(),
  z.object({ kind: z.literal('browser') }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type PrinterSettings = z.infer<typeof PrinterSettings>;
export type PrinterKind = PrinterSettings['kind'];

/** Raster images are at most the 80 mm paper's 576 dots wide. */
export const maxRasterBytes = 400_000;

export const PrintBody = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'malformed visit token'),
    /** The visitor-language lines as a PNG (base64), for scripts printers have no code page for. */
    raster: z.string().max(Math.ceil((maxRasterBytes * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64').optional(),
  })
  .strict();
export type PrintBody = z.infer<typeof PrintBody>;

export const PrintResult = z.object({
  ok: z.literal(true),
  printer: z.enum(['network', 'file', 'browser', 'none']),
  /** For the file printer: where the preview PNG can be fetched. */
  previewPath: z.string().nullable(),
});
export type PrintResult = z.infer<typeof PrintResult>;

export const PrinterStatus = z.object({
  deviceId: z.number().int(),
  name: z.string(),
  ok: z.boolean(),
  at: z.string(),
  error: z.string().nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

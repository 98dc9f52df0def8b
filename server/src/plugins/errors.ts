import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody, type ErrorCode } from '@luukku/shared';
import { isStorageFault } from '@luukku/db';

const byFastifyCode: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

/**
 * The router's own refusals come before any hook or error handler: a path that is not valid
 * percent-encoding, or a path parameter longer than the router matches. Fastify's
 * `frameworkErrors` option hands them here so they, too, get the one error shape.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { error: { code: 'VALIDATION_FAILED', message: 'A path parameter is too long' } }
      : err.code === 'FST_ERR_BAD_URL'
        ? { error: { code: 'BAD_REQUEST', message: 'The path is not valid percent-encoding' } }
        : { error: { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged' } };
  if (body.error.code === 'INTERNAL') req.log.error({ err }, 'request failed');
  void reply.status(body.error.code === 'INTERNAL' ? 500 : 400).send(body);
}

/**
 * One error shape for every answer: { error: { code, message } }. 4xx messages are for the
 * caller; 5xx messages are logged and hidden.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      let status: number;
      let body: ErrorBody;
      if (err instanceof DomainError) {
        status = err.status;
        body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
      } else if (hasZodFastifySchemaValidationErrors(err)) {
        status = 400;
        const issues = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
        body = {
          error: {
            code: 'VALIDATION_FAILED',
            message: `Invalid ${err.validationContext ?? 'request'}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
            details: { issues },
          },
        };
      } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        status = err.statusCode;
        const code = byFastifyCode[err.code] ?? (status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
        body = { error: { code, message: err.message } };
      } else if (isStorageFault(err)) {
        // a full or failing disk: say so, so kiosks retry and monitoring sees the cause
        status = 503;
        req.log.error({ err }, 'storage unavailable');
        body = { error: { code: 'STORAGE_UNAVAILABLE', message: 'The server cannot write its data now; try again shortly' } };
      } else {
        status = 500;
        req.log.error({ err }, 'unhandled error');
        body = { error: { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged' } };
      }
      return reply.status(status).send(body);
    });
    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    });
  },
  { name: 'errors' },
);

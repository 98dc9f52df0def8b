import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import database from './plugins/database.js';
import auth from './plugins/auth.js';
import errors, { frameworkErrors } from './plugins/errors.js';
import metrics from './plugins/metrics.js';
import ui from './plugins/ui.js';
import retention from './plugins/retention.js';
import dueSteps from './plugins/due-steps.js';
import reports from './plugins/reports.js';
import requestLimits from './plugins/request-limits.js';
import csrf from './plugins/csrf.js';
import securityHeaders from './plugins/security-headers.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoAppointments } from './demo/demo-appointments.js';
import { logSerializers } from './logging.js';
import { attachRealtime } from './realtime/socket-server.js';
import adminRoutes from './routes/admin.js';
import adminCatalogRoutes from './routes/admin-catalog.js';
import pairingRoutes from './routes/pairing.js';
import authRoutes from './routes/auth.js';
import oidcRoutes from './routes/oidc.js';
import deskRoutes from './routes/desks.js';
import healthRoutes from './routes/health.js';
import kioskRoutes from './routes/kiosk.js';
import printingRoutes from './routes/printing.js';
import displayRoutes from './routes/display.js';
import queueRoutes from './routes/queues.js';
import reportRoutes from './routes/reports.js';
import hubRoutes from './routes/hubs.js';
import stepRoutes from './routes/steps.js';
import visitRoutes from './routes/visits.js';
import displayInfoRoutes from './routes/display-info.js';
import displayAudioRoutes from './routes/display-audio.js';
import myDayRoutes from './routes/my-day.js';
import push from './plugins/push.js';
import pushRoutes from './routes/push.js';
import feedbackRoutes from './routes/feedback.js';
import appointmentRoutes from './routes/appointments.js';
import appointmentImportRoutes from './routes/appointment-import.js';
import adminPresenceRoutes from './routes/admin-presence.js';

export { configFromEnv, testConfig, type Config } from './config.js';
export type { AppServices } from './plugins/database.js';
export type { PushService } from './plugins/push.js';
export type { DueSteps } from './plugins/due-steps.js';

/** Builds the whole server, ready to inject or listen; it never listens itself. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, serializers: logSerializers, ...(config.logStream ? { stream: config.logStream } : {}) },
    bodyLimit: 64 * 1024,
    // a small box (or a busy one) can take more than the default 10 s to load plugins and seed
    pluginTimeout: 60_000,
    routerOptions: { ignoreTrailingSlash: true },
    // behind a TLS proxy: req.ip and req.protocol come from X-Forwarded-* only when told to
    // (cast: a union here makes TypeScript pick Fastify's HTTP/2 overload)
    trustProxy: config.trustProxy as boolean,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errors);
  await app.register(database, { config });
  await app.register(csrf);
  await app.register(securityHeaders);
  await app.register(auth);
  await app.register(metrics);
  await app.register(reports);
  await app.register(requestLimits);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Luukku API', version: '0.1.0', description: 'Queue and referral system for one-stop public service hubs' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Kiosk or display device token' },
          session: { type: 'apiKey', in: 'cookie', name: 'luukku_session', description: 'Staff session from /api/auth/login' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes);
  await app.register(oidcRoutes);
  await app.register(authRoutes);
  await app.register(kioskRoutes);
  await app.register(printingRoutes);
  await app.register(displayRoutes);
  await app.register(visitRoutes);
  await app.register(deskRoutes);
  await app.register(stepRoutes);
  await app.register(queueRoutes);
  await app.register(adminRoutes);
  await app.register(reportRoutes);
  await app.register(hubRoutes);
  await app.register(adminCatalogRoutes);
  await app.register(pairingRoutes);
  await app.register(displayInfoRoutes);
  await app.register(displayAudioRoutes);
  await app.register(myDayRoutes);
  await app.register(push);
  await app.register(pushRoutes);
  await app.register(feedbackRoutes);
  await app.register(appointmentRoutes);
  await app.register(appointmentImportRoutes);
  await app.register(adminPresenceRoutes);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(ui);
  await app.register(retention);
  await app.register(dueSteps);

  if (config.demo) await seedDemo(app.q, config.now().getTime(), config.scryptLog2N);
  if (config.demo && config.demoAppointments) seedDemoAppointments(app.q, config.now().getTime());
  attachRealtime(app);
  await app.ready();
  return app;
}

import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { demoDevices, demoPassword, demoUsers } from './demo/demo-hub.js';

const config = configFromEnv();
const app = await buildApp(config);

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  app.log.fatal({ err }, 'could not listen');
  process.exit(1);
}

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
const kiosk = demoDevices.find((d) => d.kind === 'kiosk')!.token;
const display = demoDevices.find((d) => d.kind === 'display')!.token;
app.log.info(
  {
    // the log keeps addresses, never device tokens (the demo banner below shows them to the terminal)
    kiosk: `${base}/kiosk`,
    staff: `${base}/staff`,
    display: `${base}/display`,
    api: `${base}/api/openapi.json`,
    database: config.databasePath,
  },
  'Luukku is running',
);
if (config.demo) {
  // the banner is for the person who just typed `npm start`, so it goes to the terminal plainly
  process.stdout.write(
    [
      '',
      `  Luukku demo hub — ${base}`,
      `  Kiosk:    ${base}/kiosk?device=${kiosk}`,
      `  Staff:    ${base}/staff`,
      `  Display:  ${base}/display?device=${display}&zone=all`,
      `  Feedback: ${base}/feedback?device=${demoDevices.find((d) => d.kind === 'feedback')!.token}`,
      `  API:      ${base}/api/openapi.json`,
      `  Logins (password "${demoPassword}"): ${demoUsers.map((u) => u.username).join(', ')}`,
      `  Device tokens: kiosk ${kiosk}, display ${display}`,
      '',
    ].join('\n') + '\n',
  );
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'close failed');
        process.exit(1);
      },
    );
  });
}

import { createApp } from './app/create-app';
import { loadConfig } from './app/config';
import { createLogger } from './app/logger';
import { buildServer } from './http/build-server';

/** Starts the HTTP server: the only place that listens. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const app = await createApp(config, logger);
  const { fastify } = await buildServer(app);
  // hourly housekeeping as scheduled jobs, so that one instance runs each: expired idempotency
  // keys, and uploads no record uses after 24 hours
  await app.services.jobs.schedule('idempotency-keys-purge', '0 * * * *', 'idempotency_keys_purge', {});
  await app.services.jobs.schedule('attachments-purge', '30 * * * *', 'attachments_purge', {});
  const stop = async () => {
    await fastify.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await fastify.listen({ port: config.port, host: config.host });
  logger.info(`Rapport is serving at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}

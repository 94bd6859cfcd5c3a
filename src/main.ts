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
  // hourly housekeeping: expired idempotency keys and uploads no record uses after 24 hours
  const purge = setInterval(() => {
    app.services.idempotency.purgeExpired().catch((err: unknown) => logger.error({ err }, 'idempotency purge failed'));
    app.services.attachments.purgeUnused().catch((err: unknown) => logger.error({ err }, 'attachment purge failed'));
  }, 60 * 60 * 1000);
  purge.unref();
  const stop = async () => {
    clearInterval(purge);
    await fastify.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await fastify.listen({ port: config.port, host: config.host });
  logger.info(`Rapport is serving at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}

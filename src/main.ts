import { createApp } from './app/create-app';
import { loadConfig } from './app/config';
import { createLogger } from './app/logger';
import { buildServer } from './http/build-server';

/** A stop that has not finished by then is cut short: orchestrators kill after 10 s by default. */
const STOP_DEADLINE_MS = 9_000;

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

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections; finishing the requests in flight and handing running jobs back');
    const deadline = setTimeout(() => {
      logger.error(
        `not stopped after ${STOP_DEADLINE_MS / 1000} s: exiting with requests or jobs unfinished (their transactions roll back)`,
      );
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    try {
      // the listener closes at once; requests in flight finish on an open database while the
      // running jobs roll back and go back to the queue; the database closes last
      await Promise.all([fastify.close(), app.stopJobs()]);
      await app.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'stopping failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await fastify.listen({ port: config.port, host: config.host });
  logger.info(`Rapport is serving at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}

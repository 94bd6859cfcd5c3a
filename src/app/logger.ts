import pino, { type Logger } from 'pino';
import type { Config } from './config';

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level: config.logLevel }, destination) : pino({ level: config.logLevel });
}
export type { Logger };

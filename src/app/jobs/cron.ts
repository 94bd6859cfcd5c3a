import cronParser from 'cron-parser';

/** The first instant after `from` that a cron expression (5 fields, or 6 with seconds) names, in UTC. */
export function nextCronTime(cron: string, from: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: from, tz: 'UTC' }).next().toDate();
}

/** Throws when the expression is not valid cron. */
export function checkCron(cron: string): void {
  cronParser.parseExpression(cron, { tz: 'UTC' });
}

/**
 * The incident sweeper the server runs every minute: records SLA breaches and directive
 * escalations (duties.sweep) and sends queued webhook and e-mail deliveries. Each step is idempotent, so a
 * missed or repeated tick does no harm; failures are logged and retried on the next tick.
 */
import type { IncidentsConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../lib/logger.ts';
import { sweep } from './duties.service.ts';
import { deliver } from './notify.service.ts';

export function startIncidentSweeper(db: Db, logger: Logger, config: IncidentsConfig, everyMs = 60_000): { stop(): void } {
  const smtp = config.smtpUrl ? { url: config.smtpUrl, from: config.mailFrom } : null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      const swept = await sweep(db);
      const sent = await deliver(db, smtp);
      if (swept.breaches || swept.escalations || sent.delivered || sent.failed) logger.info({ module: 'incidents', ...swept, ...sent }, 'incident sweep');
    })().catch((error: unknown) => logger.error({ module: 'incidents', err: error }, 'incident sweep failed')).finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

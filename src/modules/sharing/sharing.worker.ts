/**
 * The sharing module's background work in the serving process: due TAXII subscriptions every
 * second, one step at a time. A failing step is logged and the next tick tries again, since
 * each subscription run records its own outcome.
 */
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../lib/logger.ts';
import { runDue } from './subscriptions.service.ts';

export function startSharingWorker(db: Db, logger: Logger, tickMs = 1000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const step = async () => {
    try {
      await runDue(db, logger);
    } catch (error) {
      logger.error({ module: 'sharing', err: error }, 'sharing worker step failed');
    }
  };
  const timer = setInterval(() => {
    if (!running && !stopped) running = step().finally(() => (running = undefined));
  }, tickMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

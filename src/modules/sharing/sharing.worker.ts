/**
 * The sharing module's background work in the serving process, every second, one step at a
 * time: due TAXII subscriptions, then pending TAXII envelopes. A failing step is logged and the
 * next tick tries again, since each subscription run and each envelope records its own outcome.
 */
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../lib/logger.ts';
import { runPending } from './posts.service.ts';
import { runDue } from './subscriptions.service.ts';

export function startSharingWorker(db: Db, logger: Logger, tickMs = 1000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const step = async () => {
    for (const work of [runDue, runPending]) {
      try {
        await work(db, logger);
      } catch (error) {
        logger.error({ module: 'sharing', err: error }, 'sharing worker step failed');
      }
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

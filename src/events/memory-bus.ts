/**
 * The embedded bus: an in-process queue bounded by a number of events. Publishing writes the
 * batch to a durable spool (one row per batch) before it is queued, so an event answered with
 * 2xx survives a crash; a full queue refuses work (429) instead of growing. The consumer
 * removes a spool row only after the handler has committed the batch's results, and on start
 * replays whatever the spool still holds. Batches wait as the spool's text (codec.ts), decoded
 * only when handed to the consumer: a long queue of text costs the garbage collector little,
 * one of parsed events a great deal.
 */
import { decodeBatch, encodeBatch } from './codec.ts';
import { busFull, busUnavailable, type BatchHandler, type BusStats, type EventBus, type PipelineEvent } from './types.ts';

/** Where the embedded bus keeps accepted batches until they are processed. */
export interface Spool {
  /** Keeps a batch's text (codec.ts); returns its id. */
  save(batch: string): Promise<number>;
  remove(ids: number[]): Promise<void>;
  /** Batches with id in (after, upTo], oldest first. */
  pending(after: number, upTo: number, limit: number): Promise<{ id: number; batch: string }[]>;
  maxId(): Promise<number>;
}

export interface MemoryBusOptions {
  /** Most events held in memory (queued or being processed). */
  capacity: number;
  /** Most events handed to the handler at once. */
  maxBatch: number;
  /** Attempts before a batch goes to the dead-letter table. */
  maxAttempts: number;
  retryDelayMs: number;
  /** Reports a failure of the spool or the dead-letter store (the batch is kept and retried). */
  onError(error: unknown): void;
}

interface Item {
  spoolId: number;
  batch: string;
  /** Events in the batch, counted without decoding it. */
  size: number;
}

function sizeOf(batch: string): number {
  if (batch.startsWith('[') || batch.startsWith('{"events"')) return decodeBatch(batch).length; // written before the line format
  let n = 1;
  for (let i = batch.indexOf('\n'); i >= 0; i = batch.indexOf('\n', i + 1)) n++;
  return n;
}

/** The in-process bus; see the file comment. */
export class MemoryBus implements EventBus {
  readonly name = 'memory' as const;
  private queue: Item[] = [];
  private held = 0;
  private published = 0;
  private acknowledged = 0;
  private handler: BatchHandler | null = null;
  private wake: (() => void) | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private recoverAfter = 0;
  private recoverUpTo = 0;

  constructor(private readonly spool: Spool, private readonly options: MemoryBusOptions) {}

  async publish(events: PipelineEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.held + events.length > this.options.capacity) throw busFull();
    this.held += events.length;
    const batch = encodeBatch(events);
    let spoolId: number;
    try {
      spoolId = await this.spool.save(batch);
    } catch (error) {
      this.held -= events.length;
      throw busUnavailable(error);
    }
    this.published += events.length;
    this.queue.push({ spoolId, batch, size: events.length });
    this.wake?.();
  }

  async consume(handler: BatchHandler): Promise<void> {
    if (this.handler) throw new Error('the memory bus has one consumer');
    this.handler = handler;
    this.recoverUpTo = await this.spool.maxId();
    this.running = true;
    this.loop = this.run();
  }

  private async refill(): Promise<void> {
    if (this.recoverAfter >= this.recoverUpTo) return;
    const room = this.options.capacity - this.held;
    if (room < this.options.maxBatch) return;
    const rows = await this.spool.pending(this.recoverAfter, this.recoverUpTo, Math.max(1, Math.floor(room / this.options.maxBatch)));
    if (rows.length === 0) this.recoverAfter = this.recoverUpTo;
    for (const row of rows) {
      this.recoverAfter = row.id;
      const size = sizeOf(row.batch);
      this.held += size;
      // Replayed batches go first: they were accepted before anything queued since the start.
      this.queue.unshift({ spoolId: row.id, batch: row.batch, size });
    }
  }

  private take(): Item[] {
    const items: Item[] = [];
    let n = 0;
    while (this.queue.length > 0 && (items.length === 0 || n + this.queue[0].size <= this.options.maxBatch)) {
      const item = this.queue.shift()!;
      items.push(item);
      n += item.size;
    }
    return items;
  }

  /**
   * Two batches in flight: the next one is matched (synchronously, in order) while the previous
   * one commits, so the database round trips overlap with detection instead of adding to it.
   */
  private async run(): Promise<void> {
    let previous: Promise<void> = Promise.resolve();
    while (this.running) {
      try {
        await this.refill();
      } catch (error) {
        this.options.onError(error);
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs * 10));
        continue;
      }
      const items = this.take();
      if (items.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          if (this.recoverAfter < this.recoverUpTo) setTimeout(resolve, 10);
        });
        this.wake = null;
        continue;
      }
      const current = this.settle(items);
      await previous;
      previous = current;
    }
    await previous;
  }

  /** Delivers a batch and forgets its spool rows; what fails goes back to the front of the queue. */
  private async settle(items: Item[]): Promise<void> {
    const size = items.reduce((n, i) => n + i.size, 0);
    try {
      await this.deliver(await this.decode(items));
      await this.spool.remove(items.map((i) => i.spoolId));
      this.held -= size;
      this.acknowledged += size;
    } catch (error) {
      if (!this.running) return;
      // Nothing is dropped: the batch is delivered again (the handler is idempotent), after a
      // pause so a database outage is not hammered.
      this.queue.unshift(...items);
      this.options.onError(error);
      await new Promise((r) => setTimeout(r, this.options.retryDelayMs * 10));
    }
  }

  /** The items' events; a spool row that cannot be decoded goes to the dead letters as it is. */
  private async decode(items: Item[]): Promise<PipelineEvent[]> {
    const events: PipelineEvent[] = [];
    for (const item of items) {
      try {
        events.push(...decodeBatch(item.batch));
      } catch (error) {
        await this.handler!.deadLetter([], `undecodable spool row ${item.spoolId}: ${error instanceof Error ? error.message : String(error)}`, item.batch.slice(0, 4096));
      }
    }
    return events;
  }

  /** Retries a failing batch, then dead-letters it: one bad batch never stops the stream. */
  private async deliver(events: PipelineEvent[]): Promise<void> {
    const handler = this.handler!;
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      try {
        await handler.process(events);
        return;
      } catch (error) {
        lastError = error;
        if (!this.running) throw error;
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs * attempt));
      }
    }
    await handler.deadLetter(events, `processing failed ${this.options.maxAttempts} times: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  }

  async stats(): Promise<BusStats> {
    return { lag: { embedded: this.held }, published: this.published, acknowledged: this.acknowledged };
  }

  /** Stops after the batch in hand; what is still queued stays in the spool for the next start. */
  async close(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}

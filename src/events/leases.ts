/**
 * Partition ownership for the worker group, kept in a JetStream key-value bucket with a TTL.
 * Each worker heartbeats, counts the live workers, and holds about its share of the partitions
 * by renewing lease keys; a worker that dies (even by SIGKILL) stops renewing, its keys expire,
 * and the others claim its partitions. One owner per partition keeps a host's events, and so
 * its correlation state, on one worker.
 */
import type { KV } from 'nats';

export interface LeaseCallbacks {
  gained(partition: number): Promise<void>;
  /**
   * Must stop consuming the partition (finishing or returning what is in hand) before resolving.
   * `released`: this worker is giving it up and nobody holds it yet (otherwise the lease expired
   * and another worker may already be consuming it).
   */
  lost(partition: number, released: boolean): Promise<void>;
  onError(error: unknown): void;
}

/** The lease loop of one worker; see the file comment. */
export class PartitionLeases {
  private owned = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly kv: KV,
    private readonly workerId: string,
    private readonly partitions: number,
    private readonly ttlMs: number,
    private readonly callbacks: LeaseCallbacks,
  ) {}

  /** Partitions held now. */
  get held(): number[] {
    return [...this.owned.keys()].sort((a, b) => a - b);
  }

  start(): void {
    const every = Math.max(200, Math.floor(this.ttlMs / 3));
    const run = () => {
      this.ticking = this.tick().catch((e) => this.callbacks.onError(e));
      void this.ticking.then(() => {
        if (!this.stopped) this.timer = setTimeout(run, every);
      });
    };
    run();
  }

  private async tick(): Promise<void> {
    await this.kv.put(`worker.${this.workerId}`, String(Date.now()));
    let live = 0;
    for await (const _key of await this.kv.keys('worker.*')) live++;
    const target = Math.ceil(this.partitions / Math.max(1, live));
    for (const [p, revision] of [...this.owned]) {
      try {
        this.owned.set(p, await this.kv.update(`partition.${p}`, this.workerId, revision));
      } catch {
        // Someone else holds it now (our lease expired): stop before they start duplicating work.
        this.owned.delete(p);
        await this.callbacks.lost(p, false);
      }
    }
    const offset = parseInt(this.workerId.replace(/[^0-9a-f]/gi, '').slice(0, 6) || '0', 16);
    for (let i = 0; i < this.partitions && this.owned.size < target && !this.stopped; i++) {
      const p = (offset + i) % this.partitions;
      if (this.owned.has(p)) continue;
      try {
        this.owned.set(p, await this.kv.create(`partition.${p}`, this.workerId));
      } catch {
        continue; // held by a live worker
      }
      await this.callbacks.gained(p);
    }
    while (this.owned.size > target) {
      const p = this.held[this.held.length - 1];
      await this.release(p);
    }
  }

  private async release(p: number): Promise<void> {
    this.owned.delete(p);
    await this.callbacks.lost(p, true);
    await this.kv.delete(`partition.${p}`);
  }

  /** Hands every partition back at once, so a clean shutdown causes no wait for expiry. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    for (const p of this.held) await this.release(p);
    await this.kv.delete(`worker.${this.workerId}`);
  }
}

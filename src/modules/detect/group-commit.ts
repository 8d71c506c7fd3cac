/**
 * Group commit for the detection worker: batches matched by any partition's consumer wait here
 * and are written together, one transaction at a time. Several transactions at once only fight
 * over the same few cores (ten concurrent writers were several times slower than one here), and
 * one transaction for what accumulated while the previous one committed costs one round trip
 * and one WAL flush instead of many.
 */
export interface GroupCommitOptions<T> {
  /** Writes the items in one transaction. */
  write(items: T[]): Promise<void>;
  /** Size of an item (events), to bound one transaction. */
  size(item: T): number;
  maxSize: number;
}

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/** See the file comment. */
export class GroupCommit<T> {
  private waiting: Waiting<T>[] = [];
  private flushing = false;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  /** Resolves once the item is committed (with whatever else was waiting). */
  commit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.flush();
    });
  }

  private take(): Waiting<T>[] {
    let n = 0;
    let i = 0;
    while (i < this.waiting.length && (i === 0 || n + this.options.size(this.waiting[i].item) <= this.options.maxSize)) {
      n += this.options.size(this.waiting[i].item);
      i++;
    }
    return this.waiting.splice(0, i);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group = this.take();
      try {
        await this.options.write(group.map((w) => w.item));
        for (const w of group) w.resolve();
      } catch (error) {
        // One bad batch must not fail the others it was grouped with: alone, each succeeds or
        // fails on its own account (and the bus retries or dead-letters only that one).
        if (group.length === 1) group[0].reject(error);
        else await Promise.all(group.map((w) => this.options.write([w.item]).then(w.resolve, w.reject)));
      }
    }
    this.flushing = false;
  }
}

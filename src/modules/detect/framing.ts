/**
 * Syslog over TCP framing (RFC 6587): octet-counted frames (`LEN SP MSG`) and newline-delimited
 * frames, mixed freely on one connection. A frame longer than the limit is skipped up to its end
 * and reported, so one oversized message does not stall the connection.
 */

export type Frame = { ok: true; bytes: Buffer } | { ok: false; reason: string; bytes: Buffer };

/** Incremental decoder for one connection. */
export class SyslogFramer {
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes still to discard of an oversized frame (Infinity: up to the next newline). */
  private skip = 0;

  constructor(private readonly maxFrame: number) {}

  /** Feeds bytes; returns the complete frames found. */
  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Frame[] = [];
    for (;;) {
      if (this.skip > 0) {
        if (this.skip === Infinity) {
          const nl = this.buf.indexOf(10);
          if (nl < 0) {
            this.buf = Buffer.alloc(0);
            return out;
          }
          this.buf = this.buf.subarray(nl + 1);
          this.skip = 0;
        } else {
          const n = Math.min(this.skip, this.buf.length);
          this.buf = this.buf.subarray(n);
          this.skip -= n;
          if (this.skip > 0) return out;
        }
      }
      if (this.buf.length === 0) return out;
      const counted = /^(\d{1,10}) /.exec(this.buf.subarray(0, 12).toString('latin1'));
      if (counted) {
        const len = Number(counted[1]);
        const start = counted[0].length;
        if (len > this.maxFrame) {
          out.push({ ok: false, reason: `frame of ${len} bytes exceeds the limit of ${this.maxFrame}`, bytes: this.buf.subarray(start, start + 4096) });
          this.buf = this.buf.subarray(start);
          this.skip = len;
          continue;
        }
        if (this.buf.length < start + len) return out;
        out.push({ ok: true, bytes: this.buf.subarray(start, start + len) });
        this.buf = this.buf.subarray(start + len);
        continue;
      }
      const nl = this.buf.indexOf(10);
      if (nl < 0) {
        if (this.buf.length > this.maxFrame) {
          out.push({ ok: false, reason: `line exceeds the limit of ${this.maxFrame} bytes`, bytes: this.buf.subarray(0, 4096) });
          this.buf = Buffer.alloc(0);
          this.skip = Infinity;
        }
        return out;
      }
      const line = this.buf.subarray(0, nl);
      this.buf = this.buf.subarray(nl + 1);
      if (line.length > this.maxFrame) out.push({ ok: false, reason: `line of ${line.length} bytes exceeds the limit of ${this.maxFrame}`, bytes: line.subarray(0, 4096) });
      else if (line.length > 0 && !(line.length === 1 && line[0] === 13)) out.push({ ok: true, bytes: line });
    }
  }
}

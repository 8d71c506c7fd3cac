/**
 * Syslog listeners (UDP and TCP), each bound to one organisation by configuration. Messages are
 * gathered for a few milliseconds and handed to ingestion in batches. TCP connections are paused
 * while the pipeline is saturated (back-pressure reaches the sender); UDP has no way to push
 * back, so datagrams arriving while saturated are counted as dropped.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { Logger } from '../../lib/logger.ts';
import { AppError } from '../../lib/errors.ts';
import { SyslogFramer } from './framing.ts';
import { parseBody, type ParsedBody } from './lines.ts';
import { metrics } from './metrics.ts';

/** What a listener hands its batches to. */
export type Ingest = (organisationId: string, source: string, parsed: ParsedBody) => Promise<unknown>;

export interface ListenerSpec {
  protocol: 'udp' | 'tcp';
  host: string;
  port: number;
  organisationId: string;
}

export interface RunningListener {
  /** The bound port (useful when 0 was asked for). */
  port: number;
  close(): Promise<void>;
}

function isSaturated(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'rate_limited' || error.code === 'unavailable');
}

/** Parses frames as syslog lines and ingests them; invalid frames become dead letters too. */
function ingestFrames(spec: ListenerSpec, frames: Buffer[], maxBytes: number, ingest: Ingest): Promise<unknown> {
  const body = Buffer.concat(frames.flatMap((f) => [f.subarray(0, f.length && f[f.length - 1] === 10 ? f.length - 1 : f.length), Buffer.from('\n')]));
  return ingest(spec.organisationId, `syslog-${spec.protocol}`, parseBody(body, 'syslog', maxBytes));
}

async function startUdp(spec: ListenerSpec, maxBytes: number, ingest: Ingest, log: Logger): Promise<RunningListener> {
  const socket = dgram.createSocket(spec.host.includes(':') ? 'udp6' : 'udp4');
  let pending: Buffer[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight = Promise.resolve();
  const flush = () => {
    timer = null;
    const frames = pending;
    pending = [];
    inFlight = inFlight.then(() => ingestFrames(spec, frames, maxBytes, ingest)).then(() => undefined, (error) => {
      if (isSaturated(error)) metrics.dropped.inc({ reason: 'udp_saturated' }, frames.length);
      else log.error({ err: error }, 'syslog udp ingestion failed');
    });
  };
  socket.on('message', (msg) => {
    pending.push(msg);
    if (pending.length >= 500) flush();
    else timer ??= setTimeout(flush, 20);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(spec.port, spec.host, () => resolve());
  });
  return {
    port: socket.address().port,
    async close() {
      if (timer) clearTimeout(timer);
      if (pending.length) flush();
      await inFlight;
      await new Promise<void>((r) => socket.close(() => r()));
    },
  };
}

async function startTcp(spec: ListenerSpec, maxBytes: number, ingest: Ingest, log: Logger): Promise<RunningListener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const framer = new SyslogFramer(maxBytes);
    let chain = Promise.resolve();
    socket.on('data', (chunk) => {
      const frames = framer.push(chunk);
      if (frames.length === 0) return;
      socket.pause();
      chain = chain.then(async () => {
        const good = frames.filter((f) => f.ok).map((f) => f.bytes);
        const bad = frames.filter((f) => !f.ok);
        const parsed = parseBody(Buffer.concat(good.flatMap((g) => [g, Buffer.from('\n')])), 'syslog', maxBytes);
        for (const b of bad) parsed.rejected.push({ reason: (b as { reason: string }).reason, raw: b.bytes.toString('utf8'), rawBytes: b.bytes.length });
        // Saturated: hold this connection (TCP pushes back on the sender) and try again.
        for (let attempt = 0; ; attempt++) {
          try {
            await ingest(spec.organisationId, 'syslog-tcp', parsed);
            break;
          } catch (error) {
            if (!isSaturated(error) || socket.destroyed) throw error;
            await new Promise((r) => setTimeout(r, Math.min(1000, 50 * (attempt + 1))));
          }
        }
        socket.resume();
      }).catch((error) => {
        log.error({ err: error }, 'syslog tcp ingestion failed; closing the connection so the sender resends');
        socket.destroy();
      });
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(spec.port, spec.host, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const s of sockets) s.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Starts one listener. */
export function startListener(spec: ListenerSpec, maxBytes: number, ingest: Ingest, log: Logger): Promise<RunningListener> {
  return spec.protocol === 'udp' ? startUdp(spec, maxBytes, ingest, log) : startTcp(spec, maxBytes, ingest, log);
}

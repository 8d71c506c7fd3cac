import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch } from './codec.ts';
import type { PipelineEvent } from './types.ts';

function event(i: number, body: Record<string, unknown>): PipelineEvent {
  return {
    id: `00000000-0000-4000-8000-00000000000${i}`, organisationId: '11111111-0000-4000-8000-000000000000', host: `h\t${i}\n`, kind: 'windows',
    source: 'http', receivedAt: 1_764_000_000_000 + i, eventJson: JSON.stringify(body),
  };
}

describe('the bus batch codec', () => {
  it('round-trips events whose values hold tabs, newlines and other control characters', () => {
    const events = [event(1, { CommandLine: 'a\tb\nc\r\u0000', nested: { x: [1, '\u2028'] } }), event(2, { EventID: 1 })];
    const text = encodeBatch(events);
    expect(text.split('\n')).toHaveLength(2);
    expect(decodeBatch(text)).toEqual(events);
  });

  it('keeps the event text as it was sent, for storing as it is', () => {
    const [decoded] = decodeBatch(encodeBatch([{ ...event(1, {}), eventJson: '{"b":1,"a":2}' }]));
    expect(decoded.eventJson).toBe('{"b":1,"a":2}');
  });

  it('reads batches written before the line format (spool rows and JetStream messages)', () => {
    const { eventJson, ...envelope } = event(3, { Image: 'C:\\x.exe' });
    const old = { ...envelope, event: JSON.parse(eventJson) };
    const expected = [{ ...envelope, eventJson }];
    expect(decodeBatch(JSON.stringify([old]))).toEqual(expected);
    expect(decodeBatch(JSON.stringify({ events: [old] }))).toEqual(expected);
    // jsonb's text form, as the spool column held it before becoming text.
    expect(decodeBatch(`[{"id": "${old.id}", "kind": "windows", "host": "h\\t3\\n", "event": {"Image": "C:\\\\x.exe"}, "source": "http", "receivedAt": ${old.receivedAt}, "organisationId": "${old.organisationId}"}]`)).toEqual(expected);
  });

  it('refuses what is not a batch', () => {
    for (const bad of ['{"id":"x"}', 'garbage', `${JSON.stringify({ id: 'x' })}\t{}`, `[1]\t{}`]) {
      expect(() => decodeBatch(bad), bad).toThrow();
    }
  });
});

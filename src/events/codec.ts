/**
 * How a batch of events travels on the bus (a JetStream message) and rests in the embedded bus's
 * spool: one line per event, its envelope as JSON, a tab, then the event's own JSON text
 * (`eventJson`, serialised once at ingestion). JSON.stringify never writes a raw tab or newline,
 * so lines and their two halves split without parsing the event: the worker parses it only to
 * match it, and stores the text as it is.
 */
import type { PipelineEvent } from './types.ts';

type Envelope = Omit<PipelineEvent, 'eventJson'>;

function envelopeLine(e: PipelineEvent): string {
  const envelope: Envelope = { id: e.id, organisationId: e.organisationId, host: e.host, kind: e.kind, source: e.source, receivedAt: e.receivedAt };
  return `${JSON.stringify(envelope)}\t${e.eventJson}`;
}

/** The text of a batch; see the file comment. */
export function encodeBatch(events: readonly PipelineEvent[]): string {
  return events.map(envelopeLine).join('\n');
}

function eventOf(envelope: Envelope, eventJson: string): PipelineEvent {
  if (typeof envelope.id !== 'string' || typeof envelope.organisationId !== 'string' || typeof envelope.receivedAt !== 'number') throw new Error('an event envelope lacks its id, organisation or time');
  return { id: envelope.id, organisationId: envelope.organisationId, host: envelope.host, kind: envelope.kind, source: envelope.source, receivedAt: envelope.receivedAt, eventJson };
}

function decodeLine(line: string): PipelineEvent {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error('an event line has no envelope');
  return eventOf(JSON.parse(line.slice(0, tab)) as Envelope, line.slice(tab + 1));
}

/**
 * Batches written before this format: a JSON array of events (spool rows) or `{"events": […]}`
 * (JetStream messages), still read so that nothing accepted before an upgrade is lost.
 */
function decodeLegacy(text: string): PipelineEvent[] {
  type Legacy = Envelope & { event: unknown };
  const value = JSON.parse(text) as Legacy[] | { events: Legacy[] };
  const events = Array.isArray(value) ? value : value.events;
  if (!Array.isArray(events)) throw new Error('not a batch of events');
  return events.map((e) => eventOf(e, JSON.stringify(e.event)));
}

/** The events of a batch's text; throws when it is not one. */
export function decodeBatch(text: string): PipelineEvent[] {
  if (text.startsWith('[') || text.startsWith('{"events"')) return decodeLegacy(text);
  return text === '' ? [] : text.split('\n').map(decodeLine);
}

/**
 * Ways an incident comes in besides the API: the public report form (no account; rate-limited
 * per address and guarded by a proof of work instead of a captcha), an imported e-mail (parsed
 * into a draft) and alerts of the detect module promoted into a new incident or merged into one.
 */
import crypto from 'node:crypto';
import type { IncidentsConfig } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import * as alerts from '../detect/alerts.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { parseEmail } from './email.ts';
import { forChange, open, type IncidentInput } from './incidents.service.ts';
import * as incidents from './incidents.store.ts';
import { owningOrganisation } from './incidents.policy.ts';
import type { Severity } from './incidents.tables.ts';
import { presentIncident } from './incidents.view.ts';
import * as intake from './intake.store.ts';
import { journal } from './journal.ts';
import type { Tlp } from './markings.ts';
import { addObservables } from './observables.service.ts';
import { findObservables } from './observables.ts';
import * as work from './work.store.ts';

/** The National CERT's acronym in the reference organisations (identity/data/organisations.yaml). */
const nationalCertAcronym = 'MİLLİ-CERT';
const challengeTtlMs = 10 * 60_000;

/** A fresh proof-of-work challenge: find a nonce whose SHA-256 of "id:nonce" starts with `difficulty` zero bits. */
export async function challenge(db: Executor, config: IncidentsConfig) {
  const id = crypto.randomBytes(16).toString('hex');
  const expiresAt = new Date(Date.now() + challengeTtlMs);
  await intake.purgeChallenges(db, new Date());
  await intake.insertChallenge(db, id, config.powBits, expiresAt);
  return { challenge: id, difficulty: config.powBits, algorithm: 'sha256(challenge:nonce) has difficulty leading zero bits', expiresAt: expiresAt.toISOString() };
}

/** Whether sha256(`challenge:nonce`) starts with `bits` zero bits. */
export function proofHolds(challengeId: string, nonce: string, bits: number): boolean {
  const digest = Buffer.from(sha256Hex(`${challengeId}:${nonce}`), 'hex');
  for (let i = 0; i < bits; i += 1) if ((digest[i >> 3] >> (7 - (i & 7))) & 1) return false;
  return true;
}

/** Finds a nonce for a challenge (what the form's script does; used by tests and the CLI). */
export function solve(challengeId: string, bits: number): string {
  for (let n = 0; ; n += 1) if (proofHolds(challengeId, String(n), bits)) return String(n);
}

export interface PublicReport {
  challenge: string;
  nonce: string;
  reporter: { name: string; email: string; organisation?: string };
  title: string;
  description: string;
  occurredAt?: string;
}

/** A report from someone without an account: goes to the National CERT as a new, reported, AMBER incident. */
export async function publicReport(tx: Executor, config: IncidentsConfig, address: string, input: PublicReport) {
  const since = new Date(Date.now() - 3600_000);
  if ((await incidents.countPublicSince(tx, address, since)) >= config.publicReportsPerHour) throw fail.rateLimited('Too many reports from your address; try again later', 3600);
  const difficulty = await intake.spendChallenge(tx, input.challenge, new Date());
  if (difficulty === undefined) throw fail.validation('The challenge is unknown, expired or already used; request a new one');
  if (!proofHolds(input.challenge, input.nonce, difficulty)) throw fail.validation('The proof of work does not hold');
  const cert = await organisations.findByAcronym(tx, nationalCertAcronym);
  if (!cert) throw fail.notFound('National CERT');
  const description = input.reporter.organisation ? `${input.description}\n\n— ${input.reporter.organisation}` : input.description;
  const row = await open(tx, cert.id, { title: input.title, description, occurredAt: input.occurredAt, tlp: 'AMBER', observables: findObservables(input.description) }, {
    source: 'public', actor: { userId: null, label: `public report (${input.reporter.email})`, address }, userId: null, reported: true, sector: null,
    reporter: { name: input.reporter.name, email: input.reporter.email, address },
  });
  return { id: row.id, receivedAt: new Date().toISOString() };
}

/** Turns an e-mail (RFC 5322 text) into a draft incident with the observables found in it. */
export async function importEmail(tx: Executor, actor: Actor, input: { organisationId?: string; message: string; tlp?: Tlp }) {
  const organisationId = owningOrganisation(actor, input.organisationId);
  let mail;
  try {
    mail = parseEmail(input.message);
  } catch (error) {
    throw fail.validation((error as Error).message);
  }
  const { sector } = await organisations.get(tx, actor, organisationId);
  const detectedAt = mail.date && !Number.isNaN(Date.parse(mail.date)) ? new Date(mail.date).toISOString() : undefined;
  const row = await open(tx, organisationId, {
    title: mail.subject || '(no subject)', description: `From: ${mail.from}\nMessage-ID: ${mail.messageId ?? '—'}\n\n${mail.text}`,
    detectedAt, tlp: input.tlp ?? 'AMBER', observables: findObservables(`${mail.subject}\n${mail.text}`),
  }, { source: 'email', actor: auditActor(actor), userId: actor.userId, sector, reporter: { name: mail.from, email: /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from } });
  return presentIncident(row);
}

const alertSeverity: Record<string, Severity> = { informational: 'low', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Promotes alerts into a new incident, or merges them into `incidentId`. Alerts are read through
 * the detect module's service (so only the caller's alerts), deduplicated (an alert joins one
 * incident only), acknowledged, and their sample events' observables added.
 */
export async function promoteAlerts(tx: Executor, actor: Actor, input: { alertIds: string[]; incidentId?: string; title?: string; tlp?: Tlp }) {
  const found = await Promise.all([...new Set(input.alertIds)].map((id) => alerts.get(tx, actor, id)));
  const owners = [...new Set(found.map((a) => a.organisationId))];
  if (owners.length !== 1) throw fail.validation('Alerts promoted together must belong to one organisation');
  const observables = findObservables([...found.map((a) => a.host), ...found.flatMap((a) => strings(a.sampleEvent))].join('\n'));
  let incident;
  if (input.incidentId) {
    incident = await forChange(tx, actor, input.incidentId);
  } else {
    const worst = found.map((a) => alertSeverity[a.severity] ?? 'medium').sort((a, b) => ['low', 'medium', 'high', 'critical'].indexOf(b) - ['low', 'medium', 'high', 'critical'].indexOf(a))[0];
    const draft: IncidentInput = {
      title: input.title ?? found[0].ruleTitle, description: found.map((a) => `${a.ruleTitle} — ${a.host} (${a.count}×)`).join('\n'),
      severity: worst, tlp: input.tlp ?? 'AMBER', detectedAt: new Date(Math.min(...found.map((a) => new Date(a.firstSeen).getTime()))).toISOString(),
    };
    const organisationId = owningOrganisation(actor, owners[0]);
    incident = await open(tx, organisationId, draft, { source: 'alert', actor: auditActor(actor), userId: actor.userId, sector: (await organisations.get(tx, actor, organisationId)).sector });
  }
  const linked = await work.linkAlerts(tx, incident.id, found.map((a) => a.id));
  if (linked.length === 0) throw fail.conflict('These alerts are already in an incident', { alertIds: input.alertIds });
  await alerts.acknowledge(tx, actor, linked);
  await journal(tx, auditActor(actor), { action: 'incident.alerts.link', incident, details: { alertIds: linked } });
  await addObservables(tx, auditActor(actor), incident, observables);
  return { incidentId: incident.id, linked, skipped: found.map((a) => a.id).filter((id) => !linked.includes(id)) };
}

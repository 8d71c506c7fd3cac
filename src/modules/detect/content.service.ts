/**
 * Managing detection content: Sigma rules and indicators, national or per organisation,
 * versioned (every change keeps the previous text), enabled or disabled. Each change bumps the
 * content version in the same transaction, which is what workers poll to hot-reload.
 */
import { DetectionEngine, inferType, parseRuleText } from '@qalxan/detect-engine';
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { AppError, fail } from '../../lib/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as content from './content.store.ts';
import { assertAuthor, readScope } from './detect.policy.ts';
import type { IndicatorInput, IndicatorPatch, RuleInput, RulePatch } from './detect.schema.ts';

/** Parses and compiles one rule text; rejects it with the engine's reason. */
function checkRule(yaml: string): { sigmaId: string; title: string; level: string } {
  const parsed = parseRuleText(yaml, 'api');
  if (parsed.rejected.length) throw new AppError('unprocessable', `Rule rejected: ${parsed.rejected[0].reason}`, { rejected: parsed.rejected });
  if (parsed.rules.length !== 1) throw new AppError('unprocessable', `Send one rule per request (found ${parsed.rules.length})`);
  const rejected = new DetectionEngine().addRules(parsed.rules);
  if (rejected.length) throw new AppError('unprocessable', `Rule rejected: ${rejected[0].reason}`, { rejected });
  const r = parsed.rules[0];
  return { sigmaId: r.id, title: r.title, level: r.level };
}

export async function listRules(db: Executor, actor: Actor) {
  return content.listRules(db, readScope(actor));
}

export async function createRule(tx: Executor, actor: Actor, input: RuleInput) {
  assertAuthor(actor, input.organisationId);
  const meta = checkRule(input.yaml);
  if (await content.ruleExists(tx, input.organisationId, meta.sigmaId)) throw fail.conflict(`A rule with id ${meta.sigmaId} already exists there; update it instead`);
  const id = newId();
  await content.insertRule(tx, {
    id, organisation_id: input.organisationId, sigma_id: meta.sigmaId, title: meta.title, level: meta.level, yaml: input.yaml,
    version: 1, enabled: input.enabled ?? true, updated_by: actor.userId,
  });
  await content.bumpContentVersion(tx);
  await audit.record(tx, { actor: auditActor(actor), action: 'detect.rule.create', organisationId: input.organisationId ?? undefined, targetType: 'detect_rule', targetId: id, after: { sigmaId: meta.sigmaId, title: meta.title } });
  return (await content.getRule(tx, readScope(actor), id))!;
}

export async function updateRule(tx: Executor, actor: Actor, id: string, patch: RulePatch) {
  const rule = await content.getRule(tx, readScope(actor), id);
  if (!rule) throw fail.notFound('Rule');
  assertAuthor(actor, rule.organisation_id);
  const yaml = patch.yaml ?? rule.yaml;
  const meta = patch.yaml !== undefined ? checkRule(yaml) : { sigmaId: rule.sigma_id, title: rule.title, level: rule.level };
  if (meta.sigmaId !== rule.sigma_id) throw fail.validation('The rule id inside the YAML cannot change; create a new rule');
  await content.updateRule(tx, {
    id, organisation_id: rule.organisation_id, sigma_id: rule.sigma_id, title: meta.title, level: meta.level, yaml,
    version: rule.version + 1, enabled: patch.enabled ?? rule.enabled, updated_by: actor.userId,
  });
  await content.bumpContentVersion(tx);
  await audit.record(tx, { actor: auditActor(actor), action: 'detect.rule.update', organisationId: rule.organisation_id ?? undefined, targetType: 'detect_rule', targetId: id, before: { version: rule.version, enabled: rule.enabled }, after: { version: rule.version + 1, enabled: patch.enabled ?? rule.enabled } });
  return (await content.getRule(tx, readScope(actor), id))!;
}

export async function ruleVersions(db: Executor, actor: Actor, id: string) {
  if (!(await content.getRule(db, readScope(actor), id))) throw fail.notFound('Rule');
  return content.ruleVersions(db, id);
}

export async function listIndicators(db: Executor, actor: Actor, limit: number) {
  return content.listIndicators(db, readScope(actor), limit);
}

export async function createIndicator(tx: Executor, actor: Actor, input: IndicatorInput) {
  assertAuthor(actor, input.organisationId);
  const type = input.type ?? inferType(input.value);
  if (!type) throw fail.validation(`Cannot tell what kind of indicator "${input.value.slice(0, 80)}" is; give its type`);
  const id = newId();
  await content.insertIndicator(tx, {
    id, organisation_id: input.organisationId, type, value: input.value.trim(), confidence: input.confidence ?? 50, tlp: input.tlp ?? 'amber',
    source: input.source ?? 'manual', valid_from: input.validFrom ? new Date(input.validFrom) : null, valid_until: input.validUntil ? new Date(input.validUntil) : null,
    enabled: true, version: 1, updated_by: actor.userId,
  });
  await content.bumpContentVersion(tx);
  await audit.record(tx, { actor: auditActor(actor), action: 'detect.indicator.create', organisationId: input.organisationId ?? undefined, targetType: 'detect_indicator', targetId: id, after: { type, value: input.value } });
  return (await content.getIndicator(tx, readScope(actor), id))!;
}

export async function updateIndicator(tx: Executor, actor: Actor, id: string, patch: IndicatorPatch) {
  const row = await content.getIndicator(tx, readScope(actor), id);
  if (!row) throw fail.notFound('Indicator');
  assertAuthor(actor, row.organisation_id);
  await content.updateIndicator(tx, {
    id, organisation_id: row.organisation_id, type: row.type, value: row.value, confidence: patch.confidence ?? row.confidence, tlp: row.tlp, source: row.source,
    valid_from: row.valid_from, valid_until: patch.validUntil === undefined ? row.valid_until : patch.validUntil === null ? null : new Date(patch.validUntil),
    enabled: patch.enabled ?? row.enabled, version: row.version + 1, updated_by: actor.userId,
  });
  await content.bumpContentVersion(tx);
  await audit.record(tx, { actor: auditActor(actor), action: 'detect.indicator.update', organisationId: row.organisation_id ?? undefined, targetType: 'detect_indicator', targetId: id, after: patch });
  return (await content.getIndicator(tx, readScope(actor), id))!;
}

/**
 * Imported STIX indicators become detection indicators: simple patterns are reduced to plain
 * values (@qalxan/stix-pattern) and created through the detect module's service, owned by the
 * importing organisation and marked with the object's TLP. Values already present are not
 * added twice; patterns too rich to reduce stay STIX objects only.
 */
import type { Executor } from '../../db/database.ts';
import { extractIndicators } from '@qalxan/stix-pattern';
import * as detect from '../detect/content.service.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { tlpLabels } from './tlp.ts';
import type { ImportReport } from './import.service.ts';

export interface DetectionOutcome {
  added: number;
  notReducible: number;
}

/** Adds the plain indicators of newly stored STIX indicators; needs the detect author role. */
export async function addDetectionIndicators(tx: Executor, actor: Actor, organisationId: string, stored: ImportReport['stored']): Promise<DetectionOutcome> {
  const indicators = stored.filter((s) => s.object.type === 'indicator' && s.object.pattern_type === 'stix' && s.object.revoked !== true);
  const outcome: DetectionOutcome = { added: 0, notReducible: 0 };
  if (indicators.length === 0) return outcome;
  const existing = new Set((await detect.listIndicators(tx, actor, 100_000)).filter((i) => i.organisation_id === organisationId).map((i) => `${i.type}|${i.value}`));
  for (const { object, tlp } of indicators) {
    const extraction = extractIndicators(String(object.pattern));
    if (!extraction.ok) {
      outcome.notReducible += 1;
      continue;
    }
    for (const plain of extraction.indicators) {
      if (existing.has(`${plain.type}|${plain.value}`)) continue;
      existing.add(`${plain.type}|${plain.value}`);
      await detect.createIndicator(tx, actor, {
        organisationId, type: plain.type, value: plain.value, confidence: typeof object.confidence === 'number' ? object.confidence : 50,
        tlp: tlpLabels[tlp].toLowerCase(), source: `stix:${String(object.id)}`,
        validFrom: typeof object.valid_from === 'string' ? object.valid_from : undefined,
        validUntil: typeof object.valid_until === 'string' ? object.valid_until : undefined,
        // detect.schema's literal unions infer as undefined in TypeBox 1; the values are its literals.
      } as unknown as Parameters<typeof detect.createIndicator>[2]);
      outcome.added += 1;
    }
  }
  return outcome;
}

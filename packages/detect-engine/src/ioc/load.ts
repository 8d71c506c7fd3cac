import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { IndicatorStore, type IndicatorInput } from './store.ts';

/** Outcome of reading an indicator file: how many loaded and which lines were refused. */
export interface IndicatorLoad {
  store: IndicatorStore;
  loaded: number;
  errors: { line: number; reason: string }[];
}

/**
 * Reads indicators from a file: JSON lines (`{"type","value","valid_from","valid_until",
 * "confidence","tlp","source"}`, camelCase also accepted) or one bare value a line (type
 * inferred). Blank lines and `#` comments are skipped; bad lines are reported, not fatal.
 */
export async function loadIndicatorFile(file: string, store = new IndicatorStore()): Promise<IndicatorLoad> {
  const errors: IndicatorLoad['errors'] = [];
  let loaded = 0;
  let line = 0;
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const raw of rl) {
    line++;
    const t = raw.trim();
    if (!t || t.startsWith('#')) continue;
    try {
      let ind: IndicatorInput;
      if (t.startsWith('{')) {
        const o = JSON.parse(t) as Record<string, unknown>;
        ind = {
          type: o.type as IndicatorInput['type'],
          value: String(o.value ?? ''),
          validFrom: (o.valid_from ?? o.validFrom) as string | undefined,
          validUntil: (o.valid_until ?? o.validUntil) as string | undefined,
          confidence: o.confidence === undefined ? undefined : Number(o.confidence),
          tlp: o.tlp === undefined ? undefined : (String(o.tlp).toLowerCase().replace(/^tlp:/, '') as IndicatorInput['tlp']),
          source: o.source === undefined ? undefined : String(o.source),
        };
      } else ind = { value: t };
      store.add(ind);
      loaded++;
    } catch (e) {
      errors.push({ line, reason: (e as Error).message });
    }
  }
  return { store, loaded, errors };
}

/**
 * Validation of STIX 2.1 objects against the official JSON schemas (OASIS, copied in
 * ./data/stix2-json-schemas): each object by the schema of its type, since the official
 * bundle schema wrongly rejects some valid objects; custom types by the common core; indicator
 * patterns of type "stix" through the pattern parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkPattern } from '@qalxan/stix-pattern';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'stix2-json-schemas', 'schemas');
const base = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

interface Validators {
  byType: Map<string, ValidateFunction>;
  customObject: ValidateFunction;
  customObservable: ValidateFunction;
}

let cached: Validators | undefined;

function load(): Validators {
  const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: false, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('idn-hostname', /^[^\s/:]+$/u);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
  const byType = new Map<string, ValidateFunction>();
  const files: string[] = [];
  for (const dir of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of fs.readdirSync(path.join(schemaDir, dir)).filter((f) => f.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, dir, file), 'utf8')));
      files.push(`${dir}/${file}`);
    }
  }
  for (const file of files) {
    const [dir, name] = file.split('/');
    const type = name.replace(/\.json$/, '');
    if (dir !== 'common' || ['marking-definition', 'extension-definition', 'language-content'].includes(type)) {
      byType.set(type, ajv.getSchema(`${base}${file}`)!);
    }
  }
  return { byType, customObject: ajv.getSchema(`${base}common/core.json`)!, customObservable: ajv.getSchema(`${base}common/cyber-observable-core.json`)! };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Checks one STIX 2.1 object; the reason names the failing property, as the schema reports it. */
export function validateObject(object: unknown): Verdict {
  cached ??= load();
  if (!object || typeof object !== 'object' || Array.isArray(object)) return { ok: false, reason: 'not a JSON object' };
  const o = object as Record<string, unknown>;
  if (typeof o.type !== 'string' || typeof o.id !== 'string') return { ok: false, reason: 'missing type or id' };
  if (o.spec_version !== '2.1') return { ok: false, reason: `spec_version must be "2.1", got ${JSON.stringify(o.spec_version)}` };
  const type = o.type;
  const validate = cached.byType.get(type) ?? ('created' in o ? cached.customObject : cached.customObservable);
  if (!validate(o)) {
    const e = validate.errors?.[0];
    return { ok: false, reason: `schema ${type}: ${e?.instancePath || '/'} ${e?.message ?? 'invalid'}` };
  }
  if (o.type === 'indicator' && o.pattern_type === 'stix') {
    const check = checkPattern(String(o.pattern));
    if (!check.ok) return { ok: false, reason: `pattern: ${check.reason}` };
  }
  return { ok: true };
}

/** Checks a bundle's envelope (type, id, objects array), not its objects. */
export function bundleObjects(bundle: unknown): { ok: true; objects: unknown[] } | { ok: false; reason: string } {
  if (!bundle || typeof bundle !== 'object') return { ok: false, reason: 'a bundle must be a JSON object' };
  const b = bundle as Record<string, unknown>;
  if (b.type !== 'bundle') return { ok: false, reason: 'type must be "bundle"' };
  if (typeof b.id !== 'string' || !/^bundle--[0-9a-f-]{36}$/i.test(b.id)) return { ok: false, reason: 'id must be bundle--<uuid>' };
  if (b.objects !== undefined && !Array.isArray(b.objects)) return { ok: false, reason: 'objects must be an array' };
  return { ok: true, objects: (b.objects as unknown[] | undefined) ?? [] };
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalCertId } from '../../testing/app.ts';
import { bundle, expectValidBundle, importBundle, indicator, member, sharingWorld, type SharingWorld } from './sharing.fixtures.ts';
import { tlpMarkingIds } from './tlp.ts';

let w: SharingWorld;
beforeAll(async () => {
  w = await sharingWorld();
});
afterAll(async () => w.ctx.close());

describe('bundle import', () => {
  it('reports per object: created, new version, skipped, rejected with the reason', async () => {
    const first = indicator('198.51.100.1', 'GREEN');
    const newer = { ...first, modified: '2026-02-01T00:00:00.5000Z', name: 'newer' };
    const older = { ...first, modified: '2025-12-01T00:00:00.000Z' };
    const invalid = { ...indicator('198.51.100.2', 'GREEN'), pattern_type: undefined };
    const badPattern = indicator('198.51.100.3', 'GREEN', { pattern: "[ipv4-addr:value = '1.2.3.4'" });
    const report = await importBundle(w.analyst, w.collection, [first, newer, first, older, invalid, badPattern, { type: 'nonsense' }]);
    expect(report.lines.map((l) => l.outcome)).toEqual(['created', 'new_version', 'skipped', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(report.lines[2].reason).toMatch(/already stored/);
    expect(report.lines[3].reason).toMatch(/not newer/);
    expect(report.lines[4].reason).toMatch(/pattern_type/);
    expect(report.lines[5].reason).toMatch(/^pattern: Expected "\]"/);
    expect(report.counts).toEqual({ created: 1, new_version: 1, skipped: 1, rejected: 4 });
  });

  it('refreshes the planner statistics after a large import, so TAXII pages are planned on them', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => indicator(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'GREEN'));
    const report = await importBundle(w.analyst, w.collection, many);
    expect(report.counts.created).toBe(10_000);
    // Never-analysed tables have reltuples -1; ANALYZE sets it from its sample.
    const { rows } = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'sharing_objects'`.execute(w.ctx.db);
    expect(Number(rows[0].reltuples)).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps every version and never overwrites one', async () => {
    const o = indicator('198.51.100.9', 'GREEN');
    await importBundle(w.analyst, w.collection, [o]);
    await importBundle(w.analyst, w.collection, [{ ...o, modified: '2026-03-01T00:00:00.000Z', name: 'v2' }]);
    const again = await importBundle(w.analyst, w.collection, [{ ...o, name: 'tampered' }]);
    expect(again.lines[0].outcome).toBe('skipped');
    const rows = await w.ctx.db.selectFrom('sharing_objects').select(['version', 'object_json']).where('stix_id', '=', o.id as string).orderBy('version').execute();
    expect(rows.map((r) => JSON.parse(r.object_json).name)).toEqual(['ip 198.51.100.9', 'v2']);
  });

  it('marks unmarked objects with the default TLP so none circulates unmarked', async () => {
    const o = indicator('198.51.100.10', null);
    await importBundle(w.analyst, w.collection, [o], { defaultTlp: 'AMBER' });
    const exported = (await w.analyst.request('GET', `/api/sharing/export?collectionId=${w.collection}&id=${o.id}`)).json();
    const objects = expectValidBundle(exported);
    expect(objects.find((x) => x.id === o.id)?.object_marking_refs).toEqual([tlpMarkingIds[2]]);
    expect(objects.some((x) => x.id === tlpMarkingIds[2])).toBe(true);
  });

  it('refuses a broken envelope and imports nothing', async () => {
    const response = await w.analyst.request('POST', `/api/sharing/collections/${w.collection}/import`, { bundle: { type: 'bundle', objects: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/bundle--/);
  });

  it('accepts every kind of STIX 2.1 object and exports bundles that validate', async () => {
    const now = '2026-01-05T00:00:00.000Z';
    const base = (type: string, extra: Record<string, unknown>) => ({ type, spec_version: '2.1', id: `${type}--${crypto.randomUUID()}`, created: now, modified: now, object_marking_refs: [tlpMarkingIds[1]], ...extra });
    const malware = base('malware', { name: 'Lockbit', is_family: true });
    const actor = base('threat-actor', { name: 'APT-X' });
    const objects = [
      malware, actor,
      base('vulnerability', { name: 'CVE-2024-3400', external_references: [{ source_name: 'cve', external_id: 'CVE-2024-3400' }] }),
      base('attack-pattern', { name: 'Phishing', external_references: [{ source_name: 'mitre-attack', external_id: 'T1566' }] }),
      base('course-of-action', { name: 'Patch' }),
      base('identity', { name: 'Sector CERT', identity_class: 'organization' }),
      base('incident', { name: 'Outage' }),
      base('relationship', { relationship_type: 'uses', source_ref: actor.id, target_ref: malware.id }),
      base('sighting', { sighting_of_ref: malware.id }),
      base('report', { name: 'Weekly', published: now, object_refs: [malware.id] }),
      { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '203.0.113.1', object_marking_refs: [tlpMarkingIds[0]] },
    ];
    const report = await importBundle(w.analyst, w.collection, objects);
    expect(report.counts.created).toBe(objects.length);
    const exported = (await w.analyst.request('GET', `/api/sharing/export?collectionId=${w.collection}`));
    expect(exported.headers['content-type']).toBe('application/stix+json;version=2.1');
    expect(expectValidBundle(exported.json()).length).toBeGreaterThan(objects.length);
  });

  it('is refused to organisations without a write grant', async () => {
    const stranger = await member(w.ctx, await nationalCertId(w.ctx), 'cert_analyst');
    const response = await stranger.request('POST', `/api/sharing/collections/${w.collection}/import`, { bundle: bundle([indicator('192.0.2.1', 'GREEN')]) });
    expect(response.statusCode).toBe(404);
  });
});

describe('imported indicators become detection indicators', () => {
  it('reduces simple patterns and leaves rich ones as STIX only', async () => {
    const report = await importBundle(w.analyst, w.collection, [
      indicator('192.0.2.77', 'GREEN'),
      indicator('192.0.2.78', 'GREEN', { pattern: "[ipv4-addr:value ISSUBSET '192.0.2.0/24']" }),
    ], { detection: true });
    expect(report.detection).toEqual({ added: 1, notReducible: 1 });
    const list = (await w.analyst.request('GET', '/api/detect/indicators')).json();
    expect(JSON.stringify(list)).toContain('192.0.2.77');
  });
});

describe('MISP event import', () => {
  it('maps attributes to observables and indicators, tlp, rsit and sector tags to markings and labels', async () => {
    const event = {
      Event: {
        uuid: '5a1b2c3d-1111-4222-8333-944455556666', info: 'Phishing wave', date: '2026-01-10', timestamp: '1768000000',
        Tag: [{ name: 'tlp:green' }, { name: 'rsit:fraud="phishing"' }, { name: 'misp-galaxy:sector="Energy"' }],
        Attribute: [
          { uuid: '6a1b2c3d-1111-4222-8333-944455556666', type: 'domain', value: 'login-bank.example', to_ids: true, timestamp: '1768000000' },
          { uuid: '7a1b2c3d-1111-4222-8333-944455556666', type: 'ip-dst|port', value: '203.0.113.50|443', to_ids: true, timestamp: '1768000000', Tag: [{ name: 'tlp:amber' }] },
          { uuid: '8a1b2c3d-1111-4222-8333-944455556666', type: 'filename|sha256', value: `x.exe|${'ab'.repeat(32)}`, to_ids: false, timestamp: '1768000000' },
          { type: 'text', value: 'free text' },
        ],
      },
    };
    const response = await w.analyst.request('POST', `/api/sharing/collections/${w.collection}/misp`, { event });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.unmapped).toEqual([{ type: 'text', value: 'free text' }]);
    expect(body.counts.rejected).toBe(0);
    const stored = await w.ctx.db.selectFrom('sharing_collection_objects').select(['stix_id', 'type', 'tlp']).where('collection_id', '=', w.collection).where('stix_id', 'like', 'indicator--%a1b2c3d-1111%').execute();
    expect(stored.map((s) => [s.stix_id, s.tlp]).sort()).toEqual([['indicator--6a1b2c3d-1111-4222-8333-944455556666', 1], ['indicator--7a1b2c3d-1111-4222-8333-944455556666', 2]]);
    const report = (await w.analyst.request('GET', `/api/sharing/export?collectionId=${w.collection}&id=report--5a1b2c3d-1111-4222-8333-944455556666`)).json();
    expect(expectValidBundle(report).find((o) => o.type === 'report')?.labels).toEqual(['rsit:fraud:phishing', 'sector:energy']);
  });
});

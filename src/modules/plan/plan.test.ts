import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActionPlan, type ActionPlan, type MeasureItem } from './plan.data.ts';
import { pdfEvidence, planFixture, reportBody, type PlanFixture } from './plan.fixtures.ts';
import { syncActionPlan } from './plan.sync.ts';
import type { MeasureView, PlanNode } from './plan.view.ts';

let f: PlanFixture;
beforeAll(async () => {
  f = await planFixture();
});
afterAll(async () => f.ctx.close());

function flatten(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => (n.kind === 'measure' ? [n] : [n, ...flatten(n.children)]));
}
const measuresOf = (nodes: PlanNode[]) => flatten(nodes).filter((n): n is MeasureView => n.kind === 'measure');

describe('the action plan as loaded', () => {
  it('holds 9 priorities, 25 goals (16 with measures under them) and 56 measures, each agency resolved', async () => {
    const tree = (await f.operator.request('GET', '/api/plan')).json();
    const nodes = flatten(tree.items);
    expect(tree.version).toBe(loadActionPlan().version);
    expect(nodes.filter((n) => n.kind === 'priority')).toHaveLength(9);
    expect(nodes.filter((n) => n.id.split('.').length === 3)).toHaveLength(25);
    expect(nodes.filter((n) => n.kind === 'goal')).toHaveLength(16);
    expect(nodes.filter((n) => n.kind === 'measure')).toHaveLength(56);
    expect(tree.agencies.map((a: { acronym: string }) => a.acronym)).toContain('XRİTDX');
    const first = measuresOf(tree.items).find((m) => m.id === '8.1.1.1')!;
    expect(first).toMatchObject({ lead: ['XRİTDX'], deadline: '2024-12-31', status: 'not_started', overdue: true, periodText: '2023 – 2024' });
    expect(first.indicators.initial).toEqual({ text: { az: 'Təhdidlərin analiz olunması', en: 'Analysis of threats' }, status: 'not_started' });
  });

  it('does nothing when started again with the same data file', async () => {
    expect(await syncActionPlan(f.ctx.db)).toMatchObject({ loaded: false });
  });

  it('filters by agency (lead or co-executor), year, status and overdue', async () => {
    const get = async (q: string) => (await f.operator.request('GET', `/api/plan/measures?${q}`)).json().items as MeasureView[];
    const dtx = await get(`organisationId=${f.agency.DTX}`);
    expect(dtx.length).toBeGreaterThan(0);
    expect(dtx.every((m) => m.executors.some((e) => e.acronym === 'DTX'))).toBe(true);
    expect(dtx.some((m) => !m.lead.includes('DTX'))).toBe(true);
    const in2027 = await get('year=2027');
    expect(in2027.every((m) => 'ongoing' in m.period || m.period.to >= 2027)).toBe(true);
    expect(in2027.some((m) => m.id === '8.1.1.1')).toBe(false);
    expect((await get('status=achieved')).length).toBe(0);
    const overdue = await get('overdue=true');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((m) => m.overdue)).toBe(true);
    expect((await get('overdue=false')).length + overdue.length).toBe(56);
    expect((await f.operator.request('GET', '/api/plan/measures?year=2031')).statusCode).toBe(400);
  });

  it("lists my agency's measures only", async () => {
    const mine = (await f.nkOperator.request('GET', '/api/plan/my-measures')).json();
    expect(mine.organisations).toEqual([f.agency.NK]);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m: MeasureView) => m.executors.some((e) => e.acronym === 'NK'))).toBe(true);
  });

  it('answers 404 for a measure that does not exist', async () => {
    expect((await f.operator.request('GET', '/api/plan/measures/8.9.9.9')).statusCode).toBe(404);
  });
});

describe('upgrading the data file', () => {
  it('rewrites items in place, keeps reports, statuses and responsible persons, and retires dropped items', async () => {
    const submitted = await f.operator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody({ evidence: [pdfEvidence] }));
    await f.coordinator.request('POST', `/api/plan/reports/${submitted.json().id}/decision`, { decision: 'accept' });
    await f.operator.request('PUT', `/api/plan/measures/8.1.1.1/executors/${f.agency.XRİTDX}/responsible`, { name: 'Aysel Quliyeva' });

    const current = loadActionPlan();
    const dropped = '8.1.1.3';
    const items = current.items.filter((i) => i.id !== dropped).map((i) => {
      if (i.id !== '8.1.1.1') return i;
      const m = i as MeasureItem;
      return { ...m, title: { ...m.title, en: 'Identify and classify threat categories (v2)' }, period: { from: 2023, to: 2025 }, coExecutors: m.coExecutors.filter((c) => c.acronym !== 'MN') };
    });
    const next: ActionPlan = { version: current.version + 1, items };
    expect(await syncActionPlan(f.ctx.db, next)).toEqual({ version: next.version, loaded: true, retired: [dropped] });

    const measure = (await f.operator.request('GET', '/api/plan/measures/8.1.1.1')).json() as MeasureView;
    expect(measure.title.en).toBe('Identify and classify threat categories (v2)');
    expect(measure.deadline).toBe('2025-12-31');
    expect(measure.coExecutors.map((c) => c.acronym)).not.toContain('MN');
    expect(measure.indicators.initial.status).toBe('achieved');
    expect(measure.executors[0].responsible).toEqual({ name: 'Aysel Quliyeva', contact: null });
    expect((await f.coordinator.request('GET', '/api/plan/reports?measureId=8.1.1.1&status=accepted')).json().items).toHaveLength(1);
    expect((await f.operator.request('GET', `/api/plan/measures/${dropped}`)).statusCode).toBe(404);
    const audit = await f.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'plan.sync').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ version: next.version, retired: [dropped] });
  });
});

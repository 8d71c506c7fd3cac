/** Test set-up shared by the plan's suites: an app with the plan loaded, an agency operator and a coordinator. */
import { createTestApp, makeUser, nationalCertId, signIn, type Client, type TestContext } from '../../testing/app.ts';
import * as organisations from '../identity/organisations.service.ts';
import { syncActionPlan } from './plan.sync.ts';

export interface PlanFixture {
  ctx: TestContext;
  /** XRİTDX leads 8.1.1.1, DTX co-executes it, NK does not execute it. */
  agency: Record<'XRİTDX' | 'DTX' | 'NK', string>;
  operator: Client;
  dtxOperator: Client;
  nkOperator: Client;
  coordinator: Client;
}

export async function agencyId(ctx: TestContext, acronym: string): Promise<string> {
  const org = await organisations.findByAcronym(ctx.db, acronym);
  if (!org) throw new Error(`no seeded organisation ${acronym}`);
  return org.id;
}

export async function planFixture(): Promise<PlanFixture> {
  const ctx = await createTestApp();
  await syncActionPlan(ctx.db);
  const agency = { XRİTDX: await agencyId(ctx, 'XRİTDX'), DTX: await agencyId(ctx, 'DTX'), NK: await agencyId(ctx, 'NK') };
  return {
    ctx, agency,
    operator: await signIn(ctx, await makeUser(ctx, [{ organisationId: agency.XRİTDX, role: 'operator' }])),
    dtxOperator: await signIn(ctx, await makeUser(ctx, [{ organisationId: agency.DTX, role: 'operator' }])),
    nkOperator: await signIn(ctx, await makeUser(ctx, [{ organisationId: agency.NK, role: 'operator' }])),
    coordinator: await signIn(ctx, await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'coordinator' }])),
  };
}

/** A minimal valid report body for a stage, with optional evidence. */
export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { stage: 'initial', stageStatus: 'achieved', text: { az: 'Təhdidlər təhlil edilib', en: 'Threats analysed' }, percent: 30, date: '2026-11-20', ...overrides };
}

export const pdfEvidence = { name: 'hesabat-ə.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\nevidence of progress\n').toString('base64') };

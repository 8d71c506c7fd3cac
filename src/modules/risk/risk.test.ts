import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, nationalCertId, signIn, type Client, type TestContext } from '../../testing/app.ts';
import { seedThreatTaxonomy } from './taxonomy.service.ts';

let ctx: TestContext;
let org: string;
let coordinatorOrg: string;
let coExecutorOrg: string;
let coExecutorAcronym: string;
let operator: Client;
let orgAdmin: Client;
let coordinator: Client;
let coExecutor: Client;
let cert: Client;

const risk = (over: Record<string, unknown> = {}) => ({
  organisationId: org, title: 'Ransomware on billing', threatClass: 'enisa:ransomware', likelihood: 4,
  impact: { people: 2, economy: 5, stateFunctions: 3, otherSectors: 1 }, treatment: 'mitigate', reviewDate: '2020-01-01',
  actions: [{ title: 'Offline backups', dueDate: '2027-01-01', cost: 1000, done: true }, { title: 'EDR', dueDate: null, cost: 5000, done: false }], ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  await seedThreatTaxonomy(ctx.db);
  org = await makeOrganisation(ctx);
  coordinatorOrg = await makeOrganisation(ctx, 'coordinating_agency');
  coExecutorOrg = await makeOrganisation(ctx, 'state_body');
  coExecutorAcronym = (await ctx.db.selectFrom('organisations').select('acronym').where('id', '=', coExecutorOrg).executeTakeFirstOrThrow()).acronym;
  operator = await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'operator' }]));
  orgAdmin = await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'admin' }]));
  coordinator = await signIn(ctx, await makeUser(ctx, [{ organisationId: coordinatorOrg, role: 'coordinator' }]));
  coExecutor = await signIn(ctx, await makeUser(ctx, [{ organisationId: coExecutorOrg, role: 'operator' }]));
  cert = await signIn(ctx, await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]));
});
afterAll(async () => ctx.close());

describe('the threat taxonomy', () => {
  it('holds every ENISA class with Azerbaijani labels and the strategy’s categories', async () => {
    const body = (await operator.request('GET', '/api/risk/taxonomy')).json();
    expect(body.classes.filter((c: { source: string }) => c.source === 'enisa')).toHaveLength(169);
    expect(body.categories.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['strategy:information-space', 'strategy:supply-chain', 'strategy:cloud', 'strategy:insider']));
    const ransomware = body.classes.find((c: { key: string }) => c.key === 'enisa:ransomware');
    expect(ransomware).toMatchObject({ name: { az: 'Fidyə proqramları (ransomware)', en: 'Ransomware' }, attack: ['T1486', 'T1490'] });
  });

  it('loads once: a second start changes nothing', async () => {
    expect(await seedThreatTaxonomy(ctx.db)).toBe(0);
  });

  it('lets coordinators add and version classes, and nobody else', async () => {
    const input = { key: 'deepfake-calls', categoryKey: 'strategy:information-space', name: { az: 'Saxta zənglər', en: 'Deepfake calls' } };
    expect((await operator.request('POST', '/api/risk/taxonomy/classes', input)).statusCode).toBe(403);
    expect((await coordinator.request('POST', '/api/risk/taxonomy/classes', input)).statusCode).toBe(201);
    expect((await coordinator.request('PATCH', '/api/risk/taxonomy/classes/custom:deepfake-calls', { attack: ['T1656'] })).json().version).toBe(2);
    const versions = (await operator.request('GET', '/api/risk/taxonomy/classes/custom:deepfake-calls/versions')).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await coordinator.request('PATCH', '/api/risk/taxonomy/classes/enisa:ransomware', { attack: [] })).statusCode).toBe(409);
  });
});

describe('an organisation’s register', () => {
  it('scores inherent and residual risk and shows treatment progress', async () => {
    const response = await operator.request('POST', '/api/risks', risk({ residualLikelihood: 2, residualImpact: 3 }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ impactLevel: 5, inherentScore: 20, residualScore: 6, reviewOverdue: true, progress: { done: 1, total: 2, cost: 6000 }, version: 1 });
  });

  it('refuses an unknown threat class and levels beyond the register’s scale with 422', async () => {
    const unknown = await operator.request('POST', '/api/risks', risk({ threatClass: 'enisa:nope' }));
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'unprocessable']);
    await operator.request('PUT', '/api/risk/register', { organisationId: org, likelihoodLevels: 5, impactLevels: 5 });
    expect((await operator.request('POST', '/api/risks', risk({ likelihood: 6 }))).statusCode).toBe(422);
    expect((await operator.request('POST', '/api/risks', risk({ likelihood: 11 }))).statusCode).toBe(400);
  });

  it('will not shrink a scale below levels in use', async () => {
    const response = await operator.request('PUT', '/api/risk/register', { organisationId: org, likelihoodLevels: 3, impactLevels: 3 });
    expect(response.statusCode).toBe(409);
  });

  it('draws the heat map and lists risks past their review', async () => {
    const map = (await operator.request('GET', `/api/risks/heatmap?level=organisation&organisationId=${org}`)).json();
    expect(map).toMatchObject({ likelihoodLevels: 5, impactLevels: 5, cells: [{ likelihood: 4, impact: 5, count: 1 }] });
    expect(map.summary).toMatchObject({ total: 1, reviewOverdue: 1, actionsDone: 1, actionsTotal: 2 });
    const drill = (await operator.request('GET', '/api/risks?likelihood=4&impact=5&overdue=true')).json().items;
    expect(drill).toHaveLength(1);
  });

  it('keeps a version per change', async () => {
    const id = (await operator.request('GET', '/api/risks')).json().items[0].id;
    await operator.request('PATCH', `/api/risks/${id}`, { likelihood: 3 });
    const versions = (await operator.request('GET', `/api/risks/${id}/versions`)).json().items;
    expect(versions.map((v: { action: string }) => v.action)).toEqual(['risk.create', 'risk.update']);
  });
});

describe('risk acceptance', () => {
  it('needs the organisation’s administrator and reopens the risk when it expires', async () => {
    const id = (await operator.request('POST', '/api/risks', risk({ title: 'Accepted one' }))).json().id;
    expect((await operator.request('POST', `/api/risks/${id}/accept`, { expiresOn: '2999-01-01' })).statusCode).toBe(403);
    const accepted = (await orgAdmin.request('POST', `/api/risks/${id}/accept`, { expiresOn: '2999-01-01', note: 'budget next year' })).json();
    expect(accepted).toMatchObject({ status: 'accepted', acceptance: { expiresOn: '2999-01-01' } });
    await ctx.db.updateTable('risks').set({ acceptance_expires_on: '2020-01-01' }).where('id', '=', id).execute();
    const listed = (await operator.request('GET', '/api/risks')).json().items.find((r: { id: string }) => r.id === id);
    expect([listed.status, listed.acceptance]).toEqual(['open', null]);
    const versions = (await operator.request('GET', `/api/risks/${id}/versions`)).json().items;
    expect(versions.at(-1)).toMatchObject({ action: 'risk.acceptance_expired', actor: 'system' });
  });
});

describe('the national register', () => {
  let nationalId: string;

  it('takes an escalated risk as a draft the National CERT and coordinators see', async () => {
    const id = (await operator.request('POST', '/api/risks', risk({ title: 'Grid SCADA intrusion' }))).json().id;
    const escalated = await operator.request('POST', `/api/risks/${id}/escalate`);
    expect(escalated.statusCode, escalated.body).toBe(201);
    nationalId = escalated.json().id;
    expect(escalated.json()).toMatchObject({ level: 'national', sourceRiskId: id, procedure: { status: 'draft' } });
    expect((await operator.request('POST', `/api/risks/${id}/escalate`)).statusCode).toBe(409);
    for (const reader of [coordinator, cert]) {
      expect((await reader.request('GET', '/api/risks?level=national')).json().items.map((r: { id: string }) => r.id)).toContain(nationalId);
    }
    expect((await coExecutor.request('GET', `/api/risks/${nationalId}`)).statusCode).toBe(404);
  });

  it('refuses to approve a draft that was not agreed', async () => {
    const response = await coordinator.request('POST', `/api/risks/${nationalId}/approve`);
    expect([response.statusCode, response.json().code]).toEqual([409, 'conflict']);
  });

  it('is agreed by the named co-executors and approved by the coordinator, every step versioned', async () => {
    const named = (await coordinator.request('PUT', `/api/risks/${nationalId}/co-executors`, { acronyms: [coExecutorAcronym] })).json();
    expect(named.procedure).toMatchObject({ coExecutors: [coExecutorOrg], coExecutorAcronyms: [coExecutorAcronym] });
    expect((await coordinator.request('POST', `/api/risks/${nationalId}/agree`)).statusCode).toBe(403);
    expect((await operator.request('POST', `/api/risks/${nationalId}/approve`)).statusCode).toBe(403);
    const agreed = await coExecutor.request('POST', `/api/risks/${nationalId}/agree`);
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().procedure.status).toBe('agreed');
    expect((await coordinator.request('POST', `/api/risks/${nationalId}/approve`)).json().procedure.status).toBe('approved');
    expect((await coordinator.request('POST', `/api/risks/${nationalId}/agree`)).statusCode).toBe(409);
    const actions = (await coordinator.request('GET', `/api/risks/${nationalId}/versions`)).json().items.map((v: { action: string }) => v.action);
    expect(actions).toEqual(['risk.create_national', 'risk.co_executors', 'risk.agreed', 'risk.approved']);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', nationalId).execute();
    expect(audit.map((a) => a.action)).toEqual(actions);
  });

  it('sends a changed approved entry back to draft', async () => {
    expect((await coordinator.request('PATCH', `/api/risks/${nationalId}`, { likelihood: 5 })).json().procedure).toMatchObject({ status: 'draft', agreements: [] });
  });
});

describe('import and export', () => {
  const header = 'title,threatClass,likelihood,impactPeople,impactEconomy,impactStateFunctions,impactOtherSectors,treatment,reviewDate';

  it('imports nothing when any row is bad, and names the lines', async () => {
    const before = (await operator.request('GET', '/api/risks')).json().items.length;
    const csv = `${header}\nGood one,enisa:phishing-attacks,2,1,1,1,1,mitigate,2027-01-01\n"Bad, quoted",enisa:unknown,2,1,1,1,1,mitigate,\nToo likely,enisa:spam,9,1,1,1,1,avoid,\n`;
    const response = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'csv', content: csv });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['line 3', 'line 4']);
    expect((await operator.request('GET', '/api/risks')).json().items).toHaveLength(before);
  });

  it('imports a whole CSV file and exports it back in the same columns', async () => {
    const csv = `${header}\nDDoS on portal,enisa:denial-of-service,3,2,2,4,1,transfer,2027-06-01\n"Insider, finance",strategy:insider/malicious-insider,2,1,3,1,1,accept,\n`;
    const response = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'csv', content: csv });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().imported).toBe(2);
    const exported = (await operator.request('GET', `/api/risks/export?level=organisation&organisationId=${org}&format=csv`)).body;
    expect(exported.split('\r\n')[0]).toMatch(/^title,threatClass,likelihood,/);
    expect(exported).toContain('"Insider, finance",strategy:insider/malicious-insider,2,1,3,1,1,accept');
  });

  it('imports JSON and reports items by position', async () => {
    const bad = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'json', content: JSON.stringify([risk({ organisationId: undefined }), { title: 'x' }]) });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['line 2']);
  });

  const columns = ['title', 'threatClass', 'likelihood', 'impactPeople', 'impactEconomy', 'impactStateFunctions', 'impactOtherSectors', 'treatment', 'reviewDate'];
  async function workbook(rows: unknown[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('My risks');
    sheet.addRow(columns);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  }

  it('imports an XLSX workbook and exports it back as one a spreadsheet reads', async () => {
    const content = await workbook([
      ['Cloud tenant takeover', 'enisa:ransomware', 3, 2, 4, 2, 1, 'mitigate', new Date(Date.UTC(2027, 2, 15))],
      [],
      ['Drone over substation, "north"', 'enisa:denial-of-service', 2, 3, 2, 1, 2, 'avoid', '2027-04-01'],
    ]);
    const response = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'xlsx', content });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().imported).toBe(2);
    const stored = (await operator.request('GET', '/api/risks')).json().items.find((r: { title: string }) => r.title === 'Cloud tenant takeover');
    expect(stored).toMatchObject({ likelihood: 3, impact: { people: 2, economy: 4, stateFunctions: 2, otherSectors: 1 }, reviewDate: '2027-03-15' });

    const exported = await operator.request('GET', `/api/risks/export?level=organisation&organisationId=${org}&format=xlsx`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-disposition']).toContain('risks-organisation.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['title', 'threatClass', 'likelihood']);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(expect.arrayContaining(['Drone over substation, "north"', 'enisa:denial-of-service', 2, 3, 2, 1, 2, 'avoid']));

    // The export goes back in as it came out: the same columns, the same validation.
    const again = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'xlsx', content: exported.rawPayload.toString('base64') });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().imported).toBe(rows.length);
  });

  it('imports nothing from an XLSX workbook with a bad row, naming the row the spreadsheet shows', async () => {
    const before = (await operator.request('GET', '/api/risks')).json().items.length;
    const content = await workbook([
      ['Fine row', 'enisa:phishing-attacks', 2, 1, 1, 1, 1, 'mitigate', '2027-01-01'],
      [],
      ['Unknown class', 'enisa:nope', 2, 1, 1, 1, 1, 'mitigate'],
      ['Half a level', 'enisa:spam', 2.5, 1, 1, 1, 1, 'avoid'],
    ]);
    const response = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'xlsx', content });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['line 4', 'line 5']);
    expect((await operator.request('GET', '/api/risks')).json().items).toHaveLength(before);
    const garbage = await operator.request('POST', '/api/risks/import', { organisationId: org, format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') });
    expect([garbage.statusCode, garbage.json().errors[0].path]).toEqual([422, 'line 1']);
  });
});

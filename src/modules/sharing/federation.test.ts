/**
 * Two real Qalxan instances (two `qalxan start` processes, separate data folders and ports,
 * sharing nothing but loopback) exchange over TAXII 2.1: the sector CERT publishes an incident's
 * indicators marked TLP:GREEN and the National CERT's subscription brings them in within a
 * minute, while an AMBER+STRICT object of the same collection never leaves the sector CERT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAdminSession, organisationId, type ApiSession } from '../../../e2e/support/admin-api.ts';
import { startServer, type RunningServer } from '../../../e2e/support/server.ts';
import { bundle, expectValidBundle, indicator } from './sharing.fixtures.ts';

const newPassword = 'Federation-Test-Pass-42';
let sector: RunningServer;
let national: RunningServer;
let sectorApi: ApiSession;
let nationalApi: ApiSession;

beforeAll(async () => {
  [sector, national] = await Promise.all([startServer(), startServer()]);
  [sectorApi, nationalApi] = await Promise.all([firstAdminSession(sector.url, sector.adminPassword, newPassword), firstAdminSession(national.url, national.adminPassword, newPassword)]);
}, 180_000);
afterAll(async () => {
  await Promise.all([sector?.stop(), national?.stop()]);
});

describe('federation between two instances over TAXII', () => {
  it('a GREEN incident indicator arrives within a minute; an AMBER+STRICT object never leaves', async () => {
    // Sector CERT instance: a collection, a peer organisation for the National CERT with a GREEN read grant and its token.
    const sectorCert = await organisationId(sectorApi, 'national');
    const collection = await sectorApi.request<{ id: string }>('POST', '/api/sharing/collections', { organisationId: sectorCert, title: 'Sector CERT feed' });
    const peer = await sectorApi.request<{ id: string }>('POST', '/api/organisations', { acronym: 'NATCERT-PEER', name: { az: 'Milli CERT', en: 'National CERT' }, kind: 'cert', parentId: sectorCert });
    await sectorApi.request('PUT', `/api/sharing/collections/${collection.id}/grants/${peer.id}`, { canRead: true, canWrite: false, maxTlp: 'AMBER' });
    const { token } = await sectorApi.request<{ token: string }>('POST', '/api/tokens', { name: 'national-cert-pull', organisationId: peer.id, role: 'admin', expiresInDays: 1 });

    const incident = await sectorApi.request<{ id: string }>('POST', '/api/incidents', {
      organisationId: sectorCert, title: 'Phishing against energy operators', tlp: 'GREEN', observables: [{ type: 'ip', value: '203.0.113.66' }, { type: 'domain', value: 'energy-login.example' }],
    });
    const published = await sectorApi.request<{ counts: Record<string, number> }>('POST', `/api/sharing/collections/${collection.id}/incidents`, { incidentId: incident.id });
    expect(published.counts.created).toBeGreaterThan(4);
    const secret = indicator('198.51.100.250', 'AMBER+STRICT');
    await sectorApi.request('POST', `/api/sharing/collections/${collection.id}/import`, { bundle: bundle([secret]) });

    // National CERT instance: a collection and a subscription polling the sector CERT every 5 s.
    const nationalCert = await organisationId(nationalApi, 'national');
    const inbound = await nationalApi.request<{ id: string }>('POST', '/api/sharing/collections', { organisationId: nationalCert, title: 'From the sector CERT' });
    const subscription = await nationalApi.request<{ id: string }>('POST', '/api/sharing/subscriptions', {
      organisationId: nationalCert, name: 'Sector CERT', apiRoot: `${sector.url}/taxii2/api/`, remoteCollection: collection.id, token, collectionId: inbound.id, intervalSeconds: 5, toDetection: true,
    });

    const started = Date.now();
    let received = '';
    while (Date.now() - started < 60_000) {
      received = JSON.stringify(await nationalApi.request('GET', `/api/sharing/export?collectionId=${inbound.id}`));
      if (received.includes('203.0.113.66') && received.includes('energy-login.example')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(received).toContain("[ipv4-addr:value = '203.0.113.66']");
    expect(received).toContain('energy-login.example');
    expect(Date.now() - started).toBeLessThan(60_000);

    // Another poll or two, then: the AMBER+STRICT object is nowhere on the National CERT's side.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const status = await nationalApi.request<{ lastStatus: string; runs: { status: string; rejected: number }[] }>('GET', `/api/sharing/subscriptions/${subscription.id}`);
    expect(status.lastStatus).toBe('ok');
    expect(status.runs.length).toBeGreaterThan(1);
    expect(status.runs.every((r) => r.status === 'ok' && r.rejected === 0)).toBe(true);
    const exported = await nationalApi.request('GET', '/api/sharing/export');
    expectValidBundle(exported);
    const everything = JSON.stringify(exported);
    expect(everything).not.toContain(secret.id as string);
    expect(everything).not.toContain('198.51.100.250');
    const indicators = JSON.stringify(await nationalApi.request('GET', '/api/detect/indicators'));
    expect(indicators).toContain('203.0.113.66');
    expect(indicators).not.toContain('198.51.100.250');
  }, 120_000);
});

/**
 * TLP matrix for advisories: for every marking, who receives it from the public feed, the API
 * list and the detail — anonymous, an unwarned organisation, a warned organisation, the author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisory, advisoryWorld, publishAdvisory, type AdvisoryWorld } from './advisories.fixtures.ts';
import { tlpLabels, type Tlp } from './tlp.ts';

let w: AdvisoryWorld;
const ids = new Map<Tlp, string>();
let draft: string;

beforeAll(async () => {
  w = await advisoryWorld();
  for (const tlp of tlpLabels) ids.set(tlp, await publishAdvisory(w.analyst, advisory(w.owner, tlp, { title: { az: `az-${tlp}-title`, en: `en-${tlp}-title` } })));
  draft = (await w.analyst.request('POST', '/api/advisories', advisory(w.owner, 'CLEAR', { title: { az: 'draft', en: 'draft-clear-title' } }))).json().id;
});
afterAll(async () => w.ctx.close());

const expected: Record<string, Record<Tlp, boolean>> = {
  bystander: { CLEAR: true, GREEN: true, AMBER: false, 'AMBER+STRICT': false, RED: false },
  subscriber: { CLEAR: true, GREEN: true, AMBER: true, 'AMBER+STRICT': false, RED: false },
  author: { CLEAR: true, GREEN: true, AMBER: true, 'AMBER+STRICT': true, RED: true },
};

describe('advisory TLP matrix', () => {
  it('the public feed is RSS 2.0 with TLP:CLEAR published advisories only', async () => {
    const response = await w.ctx.app.inject({ method: 'GET', url: '/api/advisories/feed.xml' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/rss+xml');
    expect(response.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"><channel>/);
    expect(response.body).toContain(ids.get('CLEAR'));
    expect(response.body).toContain('az-CLEAR-title');
    for (const tlp of tlpLabels.slice(1)) {
      expect(response.body).not.toContain(ids.get(tlp));
      expect(response.body).not.toContain(`-${tlp}-title`);
    }
    expect(response.body).not.toContain(draft);
    expect(response.body).not.toContain('draft-clear-title');
  });

  it('the API refuses anonymous callers', async () => {
    expect((await w.ctx.app.inject({ method: 'GET', url: '/api/advisories' })).statusCode).toBe(401);
    expect((await w.ctx.app.inject({ method: 'GET', url: `/api/advisories/${ids.get('CLEAR')}` })).statusCode).toBe(401);
  });

  for (const [who, row] of Object.entries(expected)) {
    it(`list and detail for the ${who}`, async () => {
      const client = who === 'bystander' ? w.bystanderUser : who === 'subscriber' ? w.subscriberUser : w.analyst;
      const listed = new Set((await client.request('GET', '/api/advisories')).json().items.map((a: { id: string }) => a.id));
      for (const tlp of tlpLabels) {
        const detail = await client.request('GET', `/api/advisories/${ids.get(tlp)}`);
        expect({ tlp, listed: listed.has(ids.get(tlp)), status: detail.statusCode }).toEqual({ tlp, listed: row[tlp], status: row[tlp] ? 200 : 404 });
      }
      expect(listed.has(draft)).toBe(who === 'author');
    });
  }
});

/**
 * A TAXII 2.1 client for one remote collection: walks GET …/objects/ from `added_after` with
 * `limit` + `next`, checks the media type, and returns the objects with the newest
 * X-TAXII-Date-Added-Last so the next poll starts after it.
 */
import { taxiiType } from './taxii.http.ts';

export interface RemoteCollection {
  apiRoot: string;
  collection: string;
  token: string;
}

export interface Pull {
  objects: unknown[];
  lastAdded: string | null;
}

/** Bounds one poll, so a huge backlog is taken over several runs. */
export const maxPagesPerPoll = 50;

export async function pullObjects(remote: RemoteCollection, addedAfter: string | null, fetchImpl: typeof fetch = fetch): Promise<Pull> {
  const root = remote.apiRoot.endsWith('/') ? remote.apiRoot : `${remote.apiRoot}/`;
  const objects: unknown[] = [];
  let lastAdded = addedAfter;
  let next: string | undefined;
  for (let page = 0; page < maxPagesPerPoll; page += 1) {
    const url = new URL(`collections/${encodeURIComponent(remote.collection)}/objects/`, root);
    url.searchParams.set('limit', '1000');
    if (addedAfter) url.searchParams.set('added_after', addedAfter);
    if (next) url.searchParams.set('next', next);
    const response = await fetchImpl(url, { headers: { accept: taxiiType, authorization: `Bearer ${remote.token}` }, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (!response.ok) {
      let reason = text.slice(0, 300);
      try {
        const error = JSON.parse(text) as { title?: string; description?: string };
        reason = [error.title, error.description].filter(Boolean).join(': ') || reason;
      } catch { /* the body was not a TAXII error resource; keep its text */ }
      throw new Error(`${url.pathname}: HTTP ${response.status} ${reason}`);
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('application/taxii+json')) throw new Error(`${url.pathname}: answered ${response.headers.get('content-type')}, not TAXII`);
    const envelope = JSON.parse(text) as { more?: boolean; next?: string; objects?: unknown[] };
    objects.push(...(envelope.objects ?? []));
    lastAdded = response.headers.get('x-taxii-date-added-last') ?? lastAdded;
    if (!envelope.more || !envelope.next) break;
    next = envelope.next;
  }
  return { objects, lastAdded };
}

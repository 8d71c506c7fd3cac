/** Test helpers for the detect module: a token to send events with, rules, and waiting. */
import { expect } from 'vitest';
import type { Client, TestContext } from '../../testing/app.ts';

/** A Sigma rule that fires on Sysmon process creation of an image ending with `name`. */
export function imageRule(id: string, name: string, level = 'high'): string {
  return `title: Test rule ${name}
id: ${id}
status: test
level: ${level}
logsource: { product: windows, category: process_creation }
detection:
  selection: { Image|endswith: '\\\\${name}' }
  condition: selection
tags: [attack.execution, attack.t1059.001]
`;
}

/** A Sysmon process-creation event. */
export function sysmon(host: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Computer: host, Image: image, ...extra };
}

/** Creates an API token for `client`'s organisation with the given role. */
export async function eventToken(client: Client, organisationId: string, role = 'operator'): Promise<string> {
  const r = await client.request('POST', '/api/tokens', { name: 'events', organisationId, role, expiresInDays: 1 });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().token as string;
}

/** Sends a body to POST /api/events with a token. */
export function send(ctx: TestContext, token: string, payload: string | Buffer, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method: 'POST', url: '/api/events', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', ...headers }, payload });
}

/** Polls until `f` returns something other than undefined. */
export async function waitFor<T>(f: () => Promise<T | undefined>, ms = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

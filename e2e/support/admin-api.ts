/**
 * The first administrator over the HTTP API, for suites that need users before the browser
 * steps they test: first sign-in (password change, MFA enrolment) and creating users.
 */
import { totp } from '../pages/SignInPage.ts';

export interface ApiSession {
  /** Sends one JSON request with the session cookie and CSRF token; throws on a non-2xx answer. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in as `admin` with the one-time password, sets `newPassword` and enrols MFA. */
export async function firstAdminSession(baseUrl: string, oneTimePassword: string, newPassword: string): Promise<ApiSession> {
  let cookie = '';
  let csrf = '';
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  csrf = (await request<{ csrfToken: string }>('POST', '/api/auth/login', { username: 'admin', password: oneTimePassword })).csrfToken;
  await request('POST', '/api/auth/password', { currentPassword: oneTimePassword, newPassword });
  const { secret } = await request<{ secret: string }>('POST', '/api/auth/mfa/enrolment');
  await request('POST', '/api/auth/mfa/enrolment/verify', { code: totp(secret) });
  return { request };
}

/** The id of the organisation with this acronym (the National CERT for "national"). */
export async function organisationId(session: ApiSession, acronym: string | 'national'): Promise<string> {
  const { items } = await session.request<{ items: { id: string; acronym: string; isNationalCert: boolean }[] }>('GET', '/api/organisations');
  const found = items.find((o) => (acronym === 'national' ? o.isNationalCert : o.acronym === acronym));
  if (!found) throw new Error(`no organisation ${acronym}`);
  return found.id;
}

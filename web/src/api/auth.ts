/** Sign-in, multi-factor and session endpoints. */
import { api } from './client.ts';
import type { Items, Session, SessionInfo } from './types.ts';

export interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export const authApi = {
  session: () => api<Session>('GET', '/auth/session'),
  login: (username: string, password: string) => api<Session>('POST', '/auth/login', { username, password }),
  mfa: (proof: { code: string } | { recoveryCode: string }) => api<Session>('POST', '/auth/mfa', proof),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<Session>('POST', '/auth/password', { currentPassword, newPassword }),
  startEnrolment: () => api<Enrolment>('POST', '/auth/mfa/enrolment'),
  verifyEnrolment: (code: string) => api<{ recoveryCodes: string[] }>('POST', '/auth/mfa/enrolment/verify', { code }),
  logout: () => api<void>('POST', '/auth/logout'),
  sessions: () => api<Items<SessionInfo>>('GET', '/auth/sessions'),
  revokeSession: (id: string) => api<void>('DELETE', `/auth/sessions/${encodeURIComponent(id)}`),
};

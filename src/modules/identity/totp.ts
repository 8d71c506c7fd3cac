/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) through the otpauth library. A code is
 * accepted one step either side of now, and never twice: the caller stores the last used step.
 */
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

const issuer = 'Qalxan';

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export async function enrolmentFor(secret: string, username: string): Promise<TotpEnrolment> {
  const otpauthUrl = totpFor(secret, username).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

/**
 * Returns the time step the code belongs to, or null when it is wrong or was already used
 * (its step is not after `lastUsedStep`).
 */
export function checkTotp(secret: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, 'check').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

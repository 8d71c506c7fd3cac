/**
 * Password hashing (scrypt, per-password salt, parameters stored with the hash so they can be
 * raised later) and the password policy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { fail } from '../../lib/errors.ts';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const params = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, keyLength, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: params.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}

let commonPasswords: Set<string> | undefined;

/** The list ships in the repo (data/common-passwords.txt), one lower-case password a line. */
function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    fs.readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')),
  );
  return commonPasswords;
}

export const minimumPasswordLength = 12;

/** Throws a validation error naming the rule the password breaks. */
export function assertPasswordAcceptable(password: string, username: string): void {
  const reject = (reason: string) => fail.validation(reason, { field: 'password' });
  if (password.length < minimumPasswordLength) throw reject(`Password must be at least ${minimumPasswordLength} characters`);
  if (password.length > 256) throw reject('Password must be at most 256 characters');
  const lower = password.toLowerCase();
  if (loadCommonPasswords().has(lower)) throw reject('Password is too common');
  if (new Set(lower).size < 4) throw reject('Password uses too few different characters');
  if (username.length >= 3 && lower.includes(username.toLowerCase())) throw reject('Password must not contain the user name');
}

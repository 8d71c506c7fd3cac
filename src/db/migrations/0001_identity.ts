import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table organisations (
      id uuid primary key,
      acronym text not null unique,
      name_az text not null,
      name_en text not null,
      kind text not null,
      sector text,
      parent_id uuid references organisations(id),
      is_national_cert boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (parent_id is null or parent_id <> id)
    )
    `,
    `
    create table users (
      id uuid primary key,
      username text not null,
      display_name text not null,
      email text,
      password_hash text not null,
      must_change_password boolean not null default true,
      disabled boolean not null default false,
      mfa_secret text,
      mfa_enabled boolean not null default false,
      mfa_last_step bigint,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create unique index users_username_key on users (lower(username))
    `,
    `
    create index users_username_order on users (username)
    `,
    `
    create table memberships (
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      role text not null,
      primary key (user_id, organisation_id, role)
    )
    `,
    `
    create index memberships_org on memberships (organisation_id)
    `,
    `
    create table recovery_codes (
      id bigserial primary key,
      user_id uuid not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz
    )
    `,
    `
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      mfa_passed boolean not null default false,
      address text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )
    `,
    `
    create index sessions_user on sessions (user_id)
    `,
    `
    create table api_tokens (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      role text not null,
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      last_used_at timestamptz
    )
    `,
    `
    create table login_attempts (
      id bigserial primary key,
      username text not null,
      address text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )
    `,
    `
    create index login_attempts_user_at on login_attempts (lower(username), at)
    `,
    `
    create index login_attempts_address_at on login_attempts (address, at)
    `,
  ]);
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// Advisories and early warnings (issue 8). An advisory is bilingual and marked with a TLP rank;
// subscriptions say what an organisation runs; a warning is one advisory reaching one matching
// organisation, with per-user read receipts. Webhook deliveries reuse incident_webhook_deliveries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table sharing_advisories (
      id uuid primary key, organisation_id uuid not null references organisations(id),
      status text not null check (status in ('draft', 'published')), tlp smallint not null check (tlp between 0 and 4),
      severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
      title_az text not null, title_en text not null, summary_az text not null, summary_en text not null,
      body_az text not null, body_en text not null, actions_az text not null, actions_en text not null,
      sectors jsonb not null, products jsonb not null, cves jsonb not null,
      created_by uuid not null references users(id), created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(), published_at timestamptz)`,
    `create index sharing_advisories_published on sharing_advisories (published_at desc) where status = 'published'`,
    `create table sharing_advisory_subscriptions (
      organisation_id uuid primary key references organisations(id),
      sectors jsonb not null, keywords jsonb not null, use_cii_sectors boolean not null default false,
      updated_at timestamptz not null default now())`,
    `create table sharing_warnings (
      id uuid primary key, organisation_id uuid not null references organisations(id),
      advisory_id uuid not null references sharing_advisories(id), reasons jsonb not null,
      delivery_ids jsonb not null default '[]'::jsonb, created_at timestamptz not null default now(),
      unique (advisory_id, organisation_id))`,
    `create index sharing_warnings_org on sharing_warnings (organisation_id, created_at desc)`,
    `create table sharing_warning_reads (
      warning_id uuid not null references sharing_warnings(id) on delete cascade,
      user_id uuid not null references users(id), opened_at timestamptz not null default now(),
      primary key (warning_id, user_id))`,
  ]);
}

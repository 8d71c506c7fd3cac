import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// Raw events are range-partitioned by day on received_at (ingestion time, stable across
// redelivery), so retention drops whole partitions instead of deleting rows; a default
// partition catches anything outside the days prepared ahead. Alerts are keyed by their
// deduplication key and alert_events by (alert, event), which makes redelivered events harmless.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table detect_events (
      received_at timestamptz not null,
      id uuid not null,
      organisation_id uuid not null,
      host text not null,
      kind text not null,
      source text not null,
      event_time timestamptz not null,
      event jsonb not null,
      primary key (received_at, id)
    ) partition by range (received_at)
    `,
    `create table detect_events_default partition of detect_events default`,
    `create index detect_events_org_time on detect_events (organisation_id, received_at)`,
    `
    create table detect_alerts (
      id text primary key,
      organisation_id uuid not null references organisations(id),
      rule_kind text not null,
      rule_id text not null,
      rule_title text not null,
      severity text not null,
      techniques jsonb not null default '[]'::jsonb,
      host text not null,
      first_seen timestamptz not null,
      last_seen timestamptz not null,
      count integer not null,
      status text not null default 'open',
      acknowledged_by uuid,
      acknowledged_at timestamptz,
      sample_event_id uuid not null,
      sample_event jsonb not null,
      created_at timestamptz not null default now()
    )
    `,
    `create index detect_alerts_queue on detect_alerts (organisation_id, status, last_seen desc)`,
    `create index detect_alerts_recent on detect_alerts (last_seen desc)`,
    `
    create table detect_alert_events (
      alert_id text not null,
      event_id uuid not null,
      received_at timestamptz not null,
      primary key (alert_id, event_id)
    )
    `,
    `
    create table detect_dead_letters (
      id bigserial primary key,
      organisation_id uuid,
      source text not null,
      reason text not null,
      raw text not null,
      raw_bytes integer not null,
      at timestamptz not null default now()
    )
    `,
    `create index detect_dead_letters_org on detect_dead_letters (organisation_id, id)`,
    `
    create table detect_spool (
      id bigserial primary key,
      events jsonb not null,
      created_at timestamptz not null default now()
    )
    `,
    `
    create table detect_rules (
      id uuid primary key,
      organisation_id uuid references organisations(id),
      sigma_id text not null,
      title text not null,
      level text not null,
      yaml text not null,
      version integer not null,
      enabled boolean not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    )
    `,
    `create unique index detect_rules_owner_sigma on detect_rules (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), sigma_id)`,
    `
    create table detect_rule_versions (
      rule_id uuid not null references detect_rules(id) on delete cascade,
      version integer not null,
      yaml text not null,
      enabled boolean not null,
      changed_at timestamptz not null default now(),
      changed_by uuid,
      primary key (rule_id, version)
    )
    `,
    `
    create table detect_indicators (
      id uuid primary key,
      organisation_id uuid references organisations(id),
      type text not null,
      value text not null,
      confidence integer not null,
      tlp text not null,
      source text not null,
      valid_from timestamptz,
      valid_until timestamptz,
      enabled boolean not null,
      version integer not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    )
    `,
    `create index detect_indicators_org on detect_indicators (organisation_id)`,
    `
    create table detect_content_version (
      singleton boolean primary key default true check (singleton),
      version bigint not null
    )
    `,
    `insert into detect_content_version (version) values (1)`,
  ]);
}

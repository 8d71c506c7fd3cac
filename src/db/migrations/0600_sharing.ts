import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// Sharing (issue 8). Object versions are rows keyed (stix_id, version) and never updated; the
// version text is `modified` normalised to nanoseconds so text order is time order. A
// collection's page order is `seq`; `latest` is kept so "match[version]=last" is an index scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table sharing_objects (
      stix_id text not null, version text not null, type text not null, spec_version text not null,
      tlp smallint not null check (tlp between 0 and 4), organisation_id uuid not null references organisations(id),
      object_json text not null, source text not null, created_at timestamptz not null default now(),
      primary key (stix_id, version))`,
    `create table sharing_collections (
      id uuid primary key, organisation_id uuid not null references organisations(id), title text not null,
      description text not null default '', created_at timestamptz not null default now())`,
    `create table sharing_collection_access (
      collection_id uuid not null references sharing_collections(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      can_read boolean not null, can_write boolean not null, max_tlp smallint not null check (max_tlp between 0 and 4),
      primary key (collection_id, organisation_id))`,
    `create table sharing_collection_objects (
      seq bigserial primary key, collection_id uuid not null references sharing_collections(id) on delete cascade,
      stix_id text not null, version text not null, type text not null, spec_version text not null,
      tlp smallint not null, organisation_id uuid not null, latest boolean not null,
      date_added timestamptz not null default clock_timestamp(),
      unique (collection_id, stix_id, version),
      foreign key (stix_id, version) references sharing_objects (stix_id, version))`,
    `create index sharing_collection_objects_latest on sharing_collection_objects (collection_id, seq) where latest`,
    `create index sharing_collection_objects_added on sharing_collection_objects (collection_id, date_added)`,
    `create table sharing_statuses (
      id uuid primary key, collection_id uuid not null references sharing_collections(id) on delete cascade,
      organisation_id uuid not null, user_id uuid not null, request_timestamp timestamptz not null default now(),
      total_count integer not null, success_count integer not null, failure_count integer not null,
      successes jsonb not null, failures jsonb not null)`,
    `create table sharing_subscriptions (
      id uuid primary key, organisation_id uuid not null references organisations(id), created_by uuid not null references users(id),
      name text not null, api_root text not null, remote_collection text not null, token text not null,
      collection_id uuid not null references sharing_collections(id), interval_seconds integer not null check (interval_seconds >= 5),
      to_detection boolean not null, enabled boolean not null, added_after text,
      next_run_at timestamptz not null, last_run_at timestamptz, last_status text not null default 'never',
      last_error text, objects_imported bigint not null default 0, created_at timestamptz not null default now())`,
    `create index sharing_subscriptions_due on sharing_subscriptions (next_run_at) where enabled`,
    `create table sharing_sync_runs (
      id uuid primary key, subscription_id uuid not null references sharing_subscriptions(id) on delete cascade,
      started_at timestamptz not null, finished_at timestamptz not null, status text not null,
      created integer not null, versions integer not null, skipped integer not null, rejected integer not null, error text)`,
    `create index sharing_sync_runs_subscription on sharing_sync_runs (subscription_id, started_at desc)`,
  ]);
}

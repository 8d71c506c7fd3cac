import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// The plan's rows are keyed by the strategy's own numbering ("8.2.1.3"), so a later data file
// upserts them in place and the reports and statuses that point at them survive. Evidence is
// kept in the database (bytea) with its SHA-256; the size check mirrors plan.evidence.ts.
// other_executors is JSON in text: a jsonb array would not survive `qalxan backup`/`restore` on
// PostgreSQL (node-postgres sends JavaScript arrays as SQL arrays). Report dates are calendar
// days as ISO text for the same reason: a `date` read as a local-midnight Date shifts a day in
// time zones east of UTC when written back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table plan_data_versions (
      version integer primary key,
      items integer not null,
      synced_at timestamptz not null default now()
    )
    `,
    `
    create table plan_items (
      id text primary key,
      parent_id text references plan_items(id),
      kind text not null check (kind in ('priority', 'goal', 'measure')),
      position integer not null,
      title_az text not null,
      title_en text not null,
      period_from integer,
      period_to integer,
      ongoing boolean not null default false,
      period_text text,
      initial_az text,
      initial_en text,
      intermediate_az text,
      intermediate_en text,
      final_az text,
      final_en text,
      other_executors text not null default '[]',
      data_version integer not null,
      retired boolean not null default false,
      check (period_from is null or period_from <= period_to)
    )
    `,
    `
    create table plan_executors (
      item_id text not null references plan_items(id),
      organisation_id uuid not null references organisations(id),
      acronym text not null,
      lead boolean not null,
      recommended boolean not null default false,
      position integer not null,
      responsible_name text,
      responsible_contact text,
      primary key (item_id, organisation_id)
    )
    `,
    `
    create index plan_executors_org on plan_executors (organisation_id)
    `,
    `
    create table plan_indicators (
      item_id text not null references plan_items(id),
      stage text not null check (stage in ('initial', 'intermediate', 'final')),
      status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'achieved')),
      updated_at timestamptz not null default now(),
      primary key (item_id, stage)
    )
    `,
    `
    create table plan_reports (
      id uuid primary key,
      item_id text not null references plan_items(id),
      organisation_id uuid not null references organisations(id),
      stage text not null check (stage in ('initial', 'intermediate', 'final')),
      stage_status text not null check (stage_status in ('in_progress', 'achieved')),
      text_az text not null,
      text_en text not null,
      percent integer not null check (percent between 0 and 100),
      report_date text not null check (report_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and to_char(report_date::date, 'YYYY-MM-DD') = report_date),
      status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
      submitted_by uuid not null,
      submitted_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      coordinator_comment text,
      decided_by uuid,
      decided_at timestamptz,
      check ((status = 'submitted') = (decided_at is null))
    )
    `,
    `
    create index plan_reports_item on plan_reports (item_id, status)
    `,
    `
    create index plan_reports_org on plan_reports (organisation_id, status)
    `,
    `
    create table plan_evidence (
      id uuid primary key,
      report_id uuid not null references plan_reports(id) on delete cascade,
      position integer not null,
      file_name text not null,
      media_type text not null,
      size_bytes integer not null check (size_bytes between 1 and 5242880),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      created_at timestamptz not null default now(),
      check (octet_length(content) = size_bytes)
    )
    `,
    `
    create index plan_evidence_report on plan_evidence (report_id)
    `,
  ]);
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// The threat taxonomy (reference data plus classes coordinators add), each register's scales,
// and the risks of organisation and national registers with a snapshot of every version.
// Dates without a time (review, due, expiry) are kept as ISO text so no driver shifts them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table threat_categories (
      key text primary key,
      source text not null,
      name_az text not null,
      name_en text not null
    )
    `,
    `
    create table threat_classes (
      key text primary key,
      category_key text not null references threat_categories (key),
      source text not null check (source in ('enisa', 'strategy', 'custom')),
      name_az text not null,
      name_en text not null,
      description text,
      attack_ids jsonb not null default '[]'::jsonb,
      version integer not null,
      taxonomy_version integer not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create table threat_class_versions (
      key text not null references threat_classes (key),
      version integer not null,
      snapshot jsonb not null,
      changed_by text not null,
      at timestamptz not null default now(),
      primary key (key, version)
    )
    `,
    `
    create table risk_registers (
      id uuid primary key,
      organisation_id uuid references organisations (id),
      likelihood_levels integer not null check (likelihood_levels between 3 and 10),
      impact_levels integer not null check (impact_levels between 3 and 10),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create unique index risk_registers_one_per_org on risk_registers (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid))
    `,
    `
    create table risks (
      id uuid primary key,
      level text not null check (level in ('organisation', 'national')),
      organisation_id uuid not null references organisations (id),
      title text not null,
      description text not null default '',
      asset text,
      cii_object_id uuid,
      sector text,
      threat_class_key text not null references threat_classes (key),
      vulnerability text not null default '',
      controls text not null default '',
      likelihood integer not null,
      impact_people integer not null,
      impact_economy integer not null,
      impact_state integer not null,
      impact_sectors integer not null,
      inherent_score integer not null,
      residual_likelihood integer,
      residual_impact integer,
      residual_score integer,
      owner text not null default '',
      treatment text not null check (treatment in ('mitigate', 'accept', 'transfer', 'avoid')),
      actions jsonb not null default '[]'::jsonb,
      review_date text,
      incident_ids jsonb not null default '[]'::jsonb,
      status text not null check (status in ('open', 'accepted', 'closed')),
      accepted_by uuid,
      accepted_at timestamptz,
      acceptance_expires_on text,
      acceptance_note text,
      procedure_status text check (procedure_status in ('draft', 'agreed', 'approved')),
      co_executors jsonb not null default '[]'::jsonb,
      agreements jsonb not null default '[]'::jsonb,
      source_risk_id uuid references risks (id),
      escalated_risk_id uuid references risks (id),
      version integer not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create index risks_org_level on risks (organisation_id, level)
    `,
    `
    create index risks_level_score on risks (level, inherent_score desc)
    `,
    `
    create index risks_acceptance on risks (acceptance_expires_on) where status = 'accepted'
    `,
    `
    create table risk_versions (
      risk_id uuid not null references risks (id),
      version integer not null,
      action text not null,
      snapshot jsonb not null,
      actor_label text not null,
      at timestamptz not null default now(),
      primary key (risk_id, version)
    )
    `,
  ]);
}

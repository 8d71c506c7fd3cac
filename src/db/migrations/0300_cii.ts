import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// The CII registry: objects, the dependencies between them (cycles allowed, never an object on
// itself), recovery plans (one per object) and the exercises that test them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table cii_objects (
      id uuid primary key,
      organisation_id uuid not null references organisations (id),
      name text not null,
      sector text not null,
      services jsonb not null default '[]'::jsonb,
      criticality text not null check (criticality in ('I', 'II', 'III')),
      location text not null default '',
      systems jsonb not null default '[]'::jsonb,
      contacts jsonb not null default '[]'::jsonb,
      tolerance_hours double precision not null default 0 check (tolerance_hours >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create index cii_objects_org on cii_objects (organisation_id)
    `,
    `
    create table cii_dependencies (
      id uuid primary key,
      organisation_id uuid not null references organisations (id),
      dependent_id uuid not null references cii_objects (id) on delete cascade,
      supplier_id uuid not null references cii_objects (id) on delete cascade,
      kind text not null,
      strength text not null check (strength in ('low', 'medium', 'high')),
      created_at timestamptz not null default now(),
      check (dependent_id <> supplier_id),
      unique (dependent_id, supplier_id, kind)
    )
    `,
    `
    create index cii_dependencies_supplier on cii_dependencies (supplier_id)
    `,
    `
    create table cii_recovery_plans (
      id uuid primary key,
      object_id uuid not null unique references cii_objects (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      rto_hours double precision not null check (rto_hours >= 0),
      rpo_hours double precision not null check (rpo_hours >= 0),
      steps jsonb not null default '[]'::jsonb,
      contacts jsonb not null default '[]'::jsonb,
      depends_on jsonb not null default '[]'::jsonb,
      review_date text,
      version integer not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
    `,
    `
    create table cii_exercises (
      id uuid primary key,
      plan_id uuid not null references cii_recovery_plans (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      held_on text not null,
      result text not null check (result in ('passed', 'partial', 'failed')),
      findings text not null default '',
      created_at timestamptz not null default now()
    )
    `,
  ]);
}

/**
 * Tables owned by the sharing module: STIX objects and their versions, TAXII collections with
 * per-organisation rights, TAXII status resources (with the jobs behind pending ones), and
 * subscriptions to remote collections with their sync runs.
 * TLP is stored as a rank (0 CLEAR … 4 RED) so "entitled" is a comparison in SQL.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Actor } from '../identity/identity.policy.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** What identifies and marks one version of a STIX object, wherever it is stored. */
interface ObjectVersion {
  stix_id: string;
  /** `modified` (or `created`) normalised to sort as text. */
  version: string;
  type: string;
  spec_version: string;
  tlp: number;
  /** The organisation that published or imported this version: the only one that may see it above AMBER. */
  organisation_id: string;
  /** The object exactly as served (with its TLP marking), kept as text to be spliced into envelopes. */
  object_json: string;
}

/** One version of a STIX object. */
export interface SharingObjectTable extends ObjectVersion {
  source: string;
  created_at: DefaultTimestamp;
}

export interface SharingCollectionTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  created_at: DefaultTimestamp;
}

/** What an organisation may do with a collection; `max_tlp` caps what it receives (never above AMBER for others' objects). */
export interface SharingCollectionAccessTable {
  collection_id: string;
  organisation_id: string;
  can_read: boolean;
  can_write: boolean;
  max_tlp: number;
}

/**
 * An object version's place in a collection; `seq` orders pages, `latest` marks the newest
 * version. It repeats the version's JSON so a TAXII page needs no join.
 */
export interface SharingCollectionObjectTable extends ObjectVersion {
  seq: Generated<number>;
  collection_id: string;
  latest: boolean;
  date_added: DefaultTimestamp;
}

/** A TAXII status-details entry: one object of a POSTed envelope. */
export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface SharingStatusTable {
  id: string;
  collection_id: string;
  organisation_id: string;
  user_id: string;
  status: ColumnType<'pending' | 'complete', 'pending' | 'complete' | undefined, 'pending' | 'complete'>;
  request_timestamp: DefaultTimestamp;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: ColumnType<number, number | undefined, number>;
  successes: Json<StatusDetail[]>;
  failures: Json<StatusDetail[]>;
  pendings: ColumnType<StatusDetail[], string | undefined, string>;
}

/** The work behind a pending status: the envelope's objects and the caller as it was authenticated. */
export interface SharingStatusJobTable {
  status_id: string;
  actor: Json<Actor>;
  objects: Json<unknown[]>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** When a failed attempt may be retried. */
  run_after: DefaultTimestamp;
  created_at: DefaultTimestamp;
}

export interface SharingSubscriptionTable {
  id: string;
  organisation_id: string;
  created_by: string;
  name: string;
  /** The remote API root, e.g. https://cert.example/taxii2/api/ */
  api_root: string;
  remote_collection: string;
  token: string;
  collection_id: string;
  interval_seconds: number;
  to_detection: boolean;
  enabled: boolean;
  added_after: string | null;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
  last_status: 'never' | 'ok' | 'error';
  last_error: string | null;
  objects_imported: number;
  created_at: DefaultTimestamp;
}

export interface SharingSyncRunTable {
  id: string;
  subscription_id: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  status: 'ok' | 'error';
  created: number;
  versions: number;
  skipped: number;
  rejected: number;
  error: string | null;
}

export interface SharingTables {
  sharing_objects: SharingObjectTable;
  sharing_collections: SharingCollectionTable;
  sharing_collection_access: SharingCollectionAccessTable;
  sharing_collection_objects: SharingCollectionObjectTable;
  sharing_statuses: SharingStatusTable;
  sharing_status_jobs: SharingStatusJobTable;
  sharing_subscriptions: SharingSubscriptionTable;
  sharing_sync_runs: SharingSyncRunTable;
}

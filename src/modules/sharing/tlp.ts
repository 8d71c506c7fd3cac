/**
 * TLP 2.0 as STIX marking-definition objects (the standard ids published with the TLP 2.0
 * extension), the older TLP 1.0 ids recognised on import, and the rule deciding who receives
 * what: CLEAR/GREEN/AMBER up to the reader's grant on the collection, AMBER+STRICT and RED only
 * to members of the organisation that owns the object version.
 */
import { tlpLabels, tlpRank, type Tlp } from '../incidents/markings.ts';

export { tlpLabels, tlpRank, type Tlp };

const tlp2Extension = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The standard TLP 2.0 marking-definition ids, by rank. */
export const tlpMarkingIds: readonly string[] = [
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
];

// TLP 1.0 (STIX 2.1 §7.2.1.4): WHITE, GREEN, AMBER, RED.
const tlp1Ids: Record<string, number> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 0,
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 1,
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 2,
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 4,
};

const rankById = new Map<string, number>([...tlpMarkingIds.map((id, rank) => [id, rank] as const), ...Object.entries(tlp1Ids)]);

/** The five TLP 2.0 marking-definition objects, exactly as the extension publishes them. */
export function tlpMarkingObject(rank: number): Record<string, unknown> {
  const label = tlpLabels[rank];
  return {
    type: 'marking-definition', spec_version: '2.1', id: tlpMarkingIds[rank], created: '2022-10-01T00:00:00.000Z', name: `TLP:${label}`,
    extensions: { [tlp2Extension]: { extension_type: 'property-extension', tlp_2_0: label.toLowerCase() } },
  };
}

/** Whether an id is one of the TLP marking definitions (whose objects are public by nature). */
export function isTlpMarking(id: string): boolean {
  return rankById.has(id);
}

/** The strictest TLP among an object's markings, or undefined when it carries none. */
export function tlpOfObject(object: { object_marking_refs?: unknown }): number | undefined {
  const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs : [];
  let rank: number | undefined;
  for (const ref of refs) {
    const r = typeof ref === 'string' ? rankById.get(ref) : undefined;
    if (r !== undefined) rank = Math.max(rank ?? 0, r);
  }
  return rank;
}

export const amber = tlpRank('AMBER');

/**
 * What a reader may receive from a collection: every version its own organisations own, and
 * others' versions up to `sharedUpTo` (the grant, never above AMBER).
 */
export interface Entitlement {
  ownOrganisations: readonly string[];
  sharedUpTo: number;
}

/** The rule in one place, for code that filters in memory (SQL mirrors it in the store). */
export function entitled(e: Entitlement, object: { tlp: number; organisation_id: string }): boolean {
  return object.tlp <= e.sharedUpTo || e.ownOrganisations.includes(object.organisation_id);
}

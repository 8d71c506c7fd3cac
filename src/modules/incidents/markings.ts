/**
 * TLP 2.0 and PAP markings. Stored as ranks so that "the stricter of two markings" is a max;
 * the API speaks the labels.
 */
export const tlpLabels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof tlpLabels)[number];
export const papLabels = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export type Pap = (typeof papLabels)[number];

export const tlpRank = (label: Tlp): number => tlpLabels.indexOf(label);
export const tlpLabel = (rank: number): Tlp => tlpLabels[rank];
export const papRank = (label: Pap): number => papLabels.indexOf(label);
export const papLabel = (rank: number): Pap => papLabels[rank];

/** Rank of TLP:AMBER, the first level that is not shared with the whole community. */
export const amber = tlpRank('AMBER');
export const amberStrict = tlpRank('AMBER+STRICT');
export const red = tlpRank('RED');

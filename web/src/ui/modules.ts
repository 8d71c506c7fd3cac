/** The platform's modules (DESIGN.md), in navigation order; none is built yet beyond the foundation. */
export const moduleKeys = [
  'plan',
  'risk',
  'forecast',
  'detection',
  'incidents',
  'sharing',
  'assessment',
  'cii',
  'cybercrime',
] as const;

export type ModuleKey = (typeof moduleKeys)[number];

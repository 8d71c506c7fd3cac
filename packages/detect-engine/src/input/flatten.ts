/**
 * Windows events exported by evtx_dump (JSON) nest System and EventData; rules name the leaves
 * (`EventID`, `Channel`, `Image`). Flattening here gives the same shape as the flat regression
 * events, so one field mapping serves both exports.
 */
export function flattenWindowsEvent(ev: Record<string, unknown>): Record<string, unknown> {
  const root = ev.Event as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object' || !root.System) return ev;
  const out: Record<string, unknown> = {};
  const leaves = (o: unknown, name: string): void => {
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
        if (k === '#attributes') leaves(v, name);
        else leaves(v, k === '#text' ? name : k);
      }
    } else if (name !== 'xmlns') out[name] = o;
  };
  leaves(root.System, '');
  // System's Provider carries Name/Guid attributes: rules call the name Provider_Name.
  const provider = (root.System as Record<string, unknown>).Provider as Record<string, Record<string, unknown>> | undefined;
  if (provider?.['#attributes']?.Name !== undefined) {
    out.Provider_Name = provider['#attributes'].Name;
    delete out.Name;
  }
  for (const part of ['EventData', 'UserData']) if (root[part]) leaves(root[part], part);
  return out;
}

/**
 * The field-mapping table of normalisation: for each family of logs, original field name →
 * Elastic Common Schema name. Windows/Sysmon pairs are read from the detection engine's own
 * `ecs` mapping profile (so rules and normalisation agree); auditd, web server, firewall, CEF,
 * LEEF and syslog pairs are ours. The table goes both ways: ECS-shaped input (Winlogbeat, Elastic
 * Agent) also gets the original names the Sigma rules are written in.
 */
import { loadMapping } from '@qalxan/detect-engine';
import type { EventKind } from '../../events/types.ts';

/** Original name → ECS dotted path. */
export type FieldPairs = Record<string, string>;

function windowsPairs(): FieldPairs {
  const out: FieldPairs = {};
  for (const [name, targets] of Object.entries(loadMapping(['ecs']).fieldmappings)) if (targets[0]) out[name] = targets[0];
  return out;
}

/** The table, by family. */
export const fieldMap: Record<'windows' | 'auditd' | 'web' | 'firewall' | 'cef' | 'leef' | 'syslog', FieldPairs> = {
  windows: windowsPairs(),
  auditd: {
    exe: 'process.executable', comm: 'process.name', pid: 'process.pid', ppid: 'process.parent.pid', uid: 'user.id',
    auid: 'user.audit.id', cwd: 'process.working_directory', key: 'auditd.key', syscall: 'auditd.syscall', type: 'auditd.type', name: 'file.path',
  },
  web: {
    'c-ip': 'source.ip', 'cs-method': 'http.request.method', 'cs-uri-stem': 'url.path', 'cs-uri-query': 'url.query', 'sc-status': 'http.response.status_code',
    'cs-user-agent': 'user_agent.original', 'cs(User-Agent)': 'user_agent.original', 'cs-host': 'url.domain', 'cs-referrer': 'http.request.referrer',
    'c-uri': 'url.original', 's-ip': 'destination.ip', 'cs-username': 'user.name',
  },
  firewall: { src_ip: 'source.ip', dst_ip: 'destination.ip', src_port: 'source.port', dst_port: 'destination.port', action: 'event.action', proto: 'network.transport' },
  cef: {
    src: 'source.ip', dst: 'destination.ip', spt: 'source.port', dpt: 'destination.port', suser: 'source.user.name', duser: 'destination.user.name',
    shost: 'source.domain', dhost: 'destination.domain', act: 'event.action', request: 'url.original', requestMethod: 'http.request.method',
    app: 'network.protocol', fname: 'file.name', filePath: 'file.path', fileHash: 'file.hash.sha256', msg: 'message', signatureId: 'event.code',
    name: 'rule.name', deviceVendor: 'observer.vendor', deviceProduct: 'observer.product', dvchost: 'observer.hostname',
  },
  leef: {
    src: 'source.ip', dst: 'destination.ip', srcPort: 'source.port', dstPort: 'destination.port', usrName: 'user.name', proto: 'network.transport',
    identHostName: 'host.name', eventId: 'event.code', vendor: 'observer.vendor', product: 'observer.product', url: 'url.original',
  },
  syslog: {
    hostname: 'host.name', appname: 'process.name', procid: 'process.pid', facility: 'log.syslog.facility.code', severity: 'log.syslog.severity.code',
    msgid: 'event.code', message: 'message',
  },
};

/** Which families apply to a record, and its event kind. */
export function familiesOf(r: Record<string, unknown>): { kind: EventKind; families: (keyof typeof fieldMap)[] } {
  const families: (keyof typeof fieldMap)[] = [];
  if (r.hostname !== undefined || r.appname !== undefined) families.push('syslog');
  if (r.cef_version !== undefined) families.push('cef');
  if (r.leef_version !== undefined) families.push('leef');
  if (r.Channel !== undefined || r.EventID !== undefined || r.winlog !== undefined) return { kind: 'windows', families: [...families, 'windows'] };
  if (r.type !== undefined && (r.syscall !== undefined || r.exe !== undefined || r.auid !== undefined || r.comm !== undefined)) return { kind: 'linux', families: [...families, 'auditd'] };
  if (r['cs-method'] !== undefined || r['cs-uri-stem'] !== undefined || r['c-uri'] !== undefined || r['sc-status'] !== undefined) return { kind: 'web', families: [...families, 'web'] };
  if (r.src_ip !== undefined || r.dst_ip !== undefined) return { kind: 'network', families: [...families, 'firewall'] };
  if (families.includes('cef') || families.includes('leef')) return { kind: 'network', families };
  return { kind: families.includes('syslog') ? 'linux' : 'generic', families };
}

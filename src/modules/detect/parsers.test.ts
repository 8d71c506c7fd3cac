import { describe, expect, it } from 'vitest';
import { fieldMap } from './field-map.ts';
import { SyslogFramer } from './framing.ts';
import { parseBody } from './lines.ts';
import { normalise } from './normalise.ts';
import { parseSyslog } from './syslog.ts';

describe('syslog parsing', () => {
  it('reads RFC 5424 with structured data', () => {
    const r = parseSyslog('<165>1 2026-11-25T10:00:00.003Z web01 sshd 4242 ID47 [exampleSDID@32473 iut="3" eventSource="App"] Failed password for root');
    expect(r).toMatchObject({ ok: true, record: { facility: 20, severity: 5, hostname: 'web01', appname: 'sshd', procid: '4242', msgid: 'ID47', message: 'Failed password for root', structured_data: { 'exampleSDID@32473': { iut: '3', eventSource: 'App' } } } });
  });

  it('reads RFC 3164 with and without the priority', () => {
    expect(parseSyslog('<34>Oct 11 22:14:15 mymachine su[230]: su root failed', new Date('2026-11-25T00:00:00Z'))).toMatchObject({ ok: true, record: { hostname: 'mymachine', appname: 'su', procid: '230', message: 'su root failed', timestamp: '2026-10-11T22:14:15.000Z' } });
    expect(parseSyslog('Nov  5 01:02:03 host1 kernel: oops')).toMatchObject({ ok: true, record: { hostname: 'host1', appname: 'kernel', message: 'oops' } });
  });

  it('expands CEF and LEEF payloads', () => {
    const cef = parseSyslog('<134>1 2026-11-25T10:00:00Z fw1 - - - - CEF:0|Palo Alto|PAN-OS|10.1|THREAT|Malware found|8|src=10.0.0.5 dst=203.0.113.9 spt=51000 dpt=443 act=blocked msg=bad file a\\=b');
    expect(cef).toMatchObject({ ok: true, record: { cef_version: 0, deviceVendor: 'Palo Alto', name: 'Malware found', src: '10.0.0.5', dst: '203.0.113.9', dpt: '443', act: 'blocked', msg: 'bad file a=b' } });
    const leef = parseSyslog('<13>Nov 25 10:00:00 qradar LEEF:1.0|IBM|QRadar|7.5|Login|src=10.1.1.1\tdst=10.2.2.2\tusrName=alice');
    expect(leef).toMatchObject({ ok: true, record: { leef_version: '1.0', vendor: 'IBM', eventId: 'Login', src: '10.1.1.1', usrName: 'alice' } });
    expect(parseSyslog('LEEF:2.0|V|P|1|E|^|src=1.2.3.4^dst=5.6.7.8')).toMatchObject({ ok: true, record: { src: '1.2.3.4', dst: '5.6.7.8' } });
  });

  it('rejects invalid syslog and unknown CEF versions with the reason', () => {
    expect(parseSyslog('hello world')).toEqual({ ok: false, reason: 'invalid syslog: neither RFC 5424 nor RFC 3164' });
    expect(parseSyslog('<13>1 2026-11-25T10:00:00Z h a - - - CEF:7|a|b|c|d|e|f|x=1')).toEqual({ ok: false, reason: 'unknown CEF version "7"' });
    expect(parseSyslog('<999>1 2026-11-25T10:00:00Z h a - - - x')).toMatchObject({ ok: false });
  });
});

describe('TCP framing', () => {
  it('splits octet-counted and newline frames, across chunk boundaries', () => {
    const f = new SyslogFramer(1000);
    const a = f.push(Buffer.from('11 <13>1 - - -12 <13>1 - - - '));
    const b = f.push(Buffer.from('\n<13>Nov 25 10:00:00 h a: one\n<13>Nov 25 10:00:00 h a: t'));
    const c = f.push(Buffer.from('wo\n'));
    expect([...a, ...b, ...c].map((x) => x.ok && x.bytes.toString())).toEqual(['<13>1 - - -', '<13>1 - - - ', '<13>Nov 25 10:00:00 h a: one', '<13>Nov 25 10:00:00 h a: two']);
  });

  it('skips an oversized frame and carries on', () => {
    const f = new SyslogFramer(10);
    const out = f.push(Buffer.from(`${'x'.repeat(50)}\nok line\n`));
    expect(out.map((x) => x.ok)).toEqual([false, true]);
  });
});

describe('body parsing', () => {
  it('keeps good lines around bad ones, each rejection with its reason', () => {
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const body = Buffer.concat([Buffer.from('{"a":1}\n{"a":\n[1]\n'), bad, Buffer.from(`\n{"big":"${'y'.repeat(2_000_000)}"}\n{"a":2}\n`)]);
    const p = parseBody(body, 'ndjson', 1_048_576);
    expect(p.records.map((r) => r.record.a)).toEqual([1, 2]);
    expect(p.rejected.map((r) => r.reason.replace(/:.*/, ''))).toEqual(['line of 2000010 bytes exceeds the limit of 1048576', 'invalid UTF-8', 'bad JSON', 'a JSON event must be an object'].map((x) => x.replace(/:.*/, '')).sort((x, y) => p.rejected.findIndex((r) => r.reason.startsWith(x.slice(0, 8))) - p.rejected.findIndex((r) => r.reason.startsWith(y.slice(0, 8)))));
    expect(p.rejected.find((r) => r.reason.startsWith('line'))!.raw.length).toBeLessThanOrEqual(4096);
  });

  it('reads a JSON array, CSV with a header, and syslog lines', () => {
    expect(parseBody(Buffer.from('[{"a":1},{"a":2},3]'), 'auto', 1000)).toMatchObject({ records: [{ record: { a: 1 } }, { record: { a: 2 } }], rejected: [{ reason: 'a JSON event must be an object' }] });
    expect(parseBody(Buffer.from('src_ip,dst_ip,action\n10.0.0.1,"10.0.0.2",deny\n1,2\n'), 'csv', 1000)).toMatchObject({ records: [{ record: { src_ip: '10.0.0.1', dst_ip: '10.0.0.2', action: 'deny' } }], rejected: [{ reason: 'CSV row has 2 cells, the header 3' }] });
    expect(parseBody(Buffer.from('<13>Nov 25 10:00:00 h a: x\nnope\n'), 'auto', 1000).rejected).toHaveLength(1);
  });
});

describe('normalisation', () => {
  it('adds ECS names to Sysmon events and keeps the original names', () => {
    const n = normalise({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Computer: 'PC1', Image: 'C:\\a.exe', CommandLine: 'a -x', User: 'CORP\\bob' }, 0);
    expect(n).toMatchObject({ kind: 'windows', host: 'pc1', event: { Image: 'C:\\a.exe', process: { executable: 'C:\\a.exe', command_line: 'a -x' }, user: { name: 'CORP\\bob' }, host: { name: 'PC1' } } });
  });

  it('gives ECS-shaped Winlogbeat events the names Sigma rules use', () => {
    const n = normalise({ winlog: { channel: 'Security', event_id: 4688, event_data: { NewProcessName: 'C:\\b.exe' } }, host: { name: 'dc1' }, process: { executable: 'C:\\b.exe' } }, 0);
    expect(n.event).toMatchObject({ Channel: 'Security', EventID: 4688, NewProcessName: 'C:\\b.exe', Image: 'C:\\b.exe' });
    expect(n.host).toBe('dc1');
  });

  it('maps auditd, web, firewall, CEF and syslog fields', () => {
    expect(normalise({ type: 'EXECVE', exe: '/usr/bin/curl', comm: 'curl', hostname: 'srv' }, 0)).toMatchObject({ kind: 'linux', event: { process: { executable: '/usr/bin/curl', name: 'curl' } } });
    expect(normalise({ 'cs-method': 'GET', 'cs-uri-stem': '/admin', 'c-ip': '1.2.3.4', 'sc-status': 200 }, 0)).toMatchObject({ kind: 'web', event: { url: { path: '/admin' }, source: { ip: '1.2.3.4' } } });
    expect(normalise({ src_ip: '1.1.1.1', dst_ip: '2.2.2.2', dst_port: 22, action: 'deny' }, 0)).toMatchObject({ kind: 'network', event: { destination: { ip: '2.2.2.2', port: 22 }, event: { action: 'deny' } } });
    expect(normalise({ cef_version: 0, src: '1.1.1.1', dpt: '443', hostname: 'fw', message: 'x' }, 0, 'raw line')).toMatchObject({ kind: 'network', host: 'fw', event: { source: { ip: '1.1.1.1' }, destination: { port: '443' }, event: { original: 'raw line' } } });
  });

  it('takes the Windows pairs from the engine mapping profile', () => {
    expect(fieldMap.windows).toMatchObject({ Image: 'process.executable', CommandLine: 'process.command_line', Computer: 'host.name' });
  });
});

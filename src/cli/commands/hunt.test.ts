import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { register as registerHunt } from './hunt.ts';
import { register as registerRules } from './rules.ts';

/** Runs the real commander program in process and captures what it writes. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('qalxan').exitOverride();
  registerHunt(program);
  registerRules(program);
  let out = '';
  let err = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}

const RULE = `title: Suspicious Whoami
id: 11111111-1111-1111-1111-111111111111
level: high
logsource: { product: windows, category: process_creation }
detection:
  sel: { Image|endswith: '\\whoami.exe' }
  condition: sel
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hunt-'));
  mkdirSync(path.join(dir, 'rules'));
  writeFileSync(path.join(dir, 'rules', 'whoami.yml'), RULE);
  writeFileSync(path.join(dir, 'rules', 'broken.yml'), 'title: broken\nlogsource: {product: windows}\ndetection:\n  sel: {A: 1}\n  condition: sel and\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sysmon = (image: string) => JSON.stringify({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: image, DestinationIp: '10.0.0.1' });

describe('qalxan hunt', () => {
  it('prints one JSON line per match with file, 1-based line, rule and level, and counts malformed lines', async () => {
    const events = path.join(dir, 'ev.jsonl');
    writeFileSync(events, [sysmon('C:\\Windows\\notepad.exe'), '{not json', sysmon('C:\\Windows\\System32\\whoami.exe')].join('\n') + '\n');
    const r = await run(['hunt', '--rules', path.join(dir, 'rules'), '--format', 'jsonl', events]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([expect.objectContaining({ file: events, line: 3, rule_id: '11111111-1111-1111-1111-111111111111', rule_title: 'Suspicious Whoami', level: 'high' })]);
    expect(r.err).toMatch(/2 events/);
    expect(r.err).toMatch(/malformed records: 1/);
    expect(r.err).toContain(`${events}:2:`);
    expect(r.err).toMatch(/rules loaded: 1, rejected: 1/);
    expect(r.err).toMatch(/broken\.yml.*broken condition/);
  });

  it('reports indicator hits and writes CSV', async () => {
    const events = path.join(dir, 'ev.jsonl');
    writeFileSync(events, sysmon('C:\\x\\a.exe') + '\n');
    const iocs = path.join(dir, 'iocs.txt');
    writeFileSync(iocs, '# feed\n10.0.0.0/8\n{"value":"evil.example","tlp":"amber","confidence":90}\n');
    const r = await run(['hunt', '--rules', path.join(dir, 'rules'), '--indicators', iocs, '--format', 'csv', events]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('file,line,level,kind,rule_id,rule_title,detail');
    expect(lines[1]).toContain('indicator');
    expect(lines[1]).toContain('10.0.0.0/8');
  });

  it('reads JSON arrays, CSV and Windows event XML with line numbers', async () => {
    const json = path.join(dir, 'ev.json');
    writeFileSync(json, `[\n  {"Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 1, "Image": "a.exe"},\n  {"Channel": "Microsoft-Windows-Sysmon/Operational",\n   "EventID": 1, "Image": "C:\\\\whoami.exe"}\n]\n`);
    const csv = path.join(dir, 'ev.csv');
    writeFileSync(csv, 'Channel,EventID,Image\nMicrosoft-Windows-Sysmon/Operational,1,"C:\\whoami.exe"\n');
    const xml = path.join(dir, 'ev.xml');
    writeFileSync(xml, `<Events>\n<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID><Channel>Microsoft-Windows-Sysmon/Operational</Channel></System>\n<EventData><Data Name='Image'>C:\\Windows\\whoami.exe</Data></EventData></Event>\n</Events>\n`);
    const r = await run(['hunt', '--rules', path.join(dir, 'rules', 'whoami.yml'), '--format', 'jsonl', json, csv, xml]);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => [path.basename(x.file), x.line])).toEqual([
      ['ev.json', 3],
      ['ev.csv', 2],
      ['ev.xml', 2],
    ]);
  });

  it('fails with one line when the rules path is missing', async () => {
    const events = path.join(dir, 'ev.jsonl');
    writeFileSync(events, '');
    const r = await run(['hunt', '--rules', path.join(dir, 'nope'), events]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/rules path not found/);
  });
});

describe('qalxan rules check', () => {
  it('lists each rejected rule with its reason and exits non-zero', async () => {
    const r = await run(['rules', 'check', path.join(dir, 'rules')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.yml.*: broken condition/);
    expect(r.out).toMatch(/1 rules loaded, 1 rejected/);
  });
});

describe('qalxan hunt piped into head', () => {
  it('exits quietly when the reader closes the pipe (EPIPE)', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'hunt-epipe-'));
    try {
      writeFileSync(path.join(d, 'whoami.yml'), RULE);
      const ev = JSON.stringify({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: 'C:\\Windows\\System32\\whoami.exe' });
      writeFileSync(path.join(d, 'ev.jsonl'), (ev + '\n').repeat(50_000));
      const bin = path.resolve(import.meta.dirname, '../../../bin/qalxan.mjs');
      const child = spawn(process.execPath, [bin, 'hunt', '--rules', path.join(d, 'whoami.yml'), '--format', 'jsonl', path.join(d, 'ev.jsonl')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b) => (err += b));
      // like `head -1`: read the first line, then close our end
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(err).not.toMatch(/EPIPE|Error/);
      expect(code).toBe(0);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);
});

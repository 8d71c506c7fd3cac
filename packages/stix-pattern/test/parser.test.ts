import { describe, expect, it } from 'vitest';
import { checkPattern, parsePattern, PatternError } from '../src/index.ts';

const valid = [
  "[ipv4-addr:value = '198.51.100.1']",
  "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
  "[ipv4-addr:value NOT ISSUPERSET '198.51.100.0/24']",
  "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
  "[domain-name:value LIKE '%.example.com' OR domain-name:value IN ('a.example', 'b.example')]",
  "[url:value MATCHES '^https?://evil\\\\.']",
  "[file:name = 'x.exe' AND file:size > 1024 AND file:size <= 2048.5]",
  "[network-traffic:src_ref.value = '10.0.0.1' AND network-traffic:dst_port != 443]",
  "[email-message:to_refs[*].value = 'a@example.com']",
  "[email-message:body_multipart[0].body_raw_ref.name = 'x']",
  "[windows-registry-key:values[*].data NOT LIKE 'x%']",
  "[file:mime_type <> 'text/plain']",
  "[EXISTS windows-registry-key:values]",
  "[file:contents = b'SGVsbG8=' OR artifact:payload_bin = h'cafe']",
  "[x-custom-type:active = true]",
  "[process:created > t'2020-01-01T00:00:00Z']",
  "([a:b = 1] AND [c:d = 2]) OR [e:f = 3]",
  "[a:b = 1] FOLLOWEDBY [c:d = 2] WITHIN 300 SECONDS",
  "[a:b = -1] REPEATS 5 TIMES WITHIN 1.5 SECONDS",
  "[a:b = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.123Z'",
  "[(a:b = 1 OR a:c = 2) AND a:d = 'x']",
];

describe('parsing the STIX 2.1 pattern grammar', () => {
  it.each(valid)('accepts %s', (pattern) => {
    expect(checkPattern(pattern)).toEqual({ ok: true });
  });

  it('gives AND precedence over OR and keeps qualifiers on the expression before them', () => {
    const parsed = parsePattern("[a:b = 1] OR [a:b = 2] AND [a:b = 3] REPEATS 2 TIMES");
    expect(parsed.root.kind).toBe('or');
    const and = (parsed.root as { operands: { kind: string; operands?: { kind: string }[] }[] }).operands[1];
    expect(and.kind).toBe('and');
    expect(and.operands?.[1].kind).toBe('qualified');
  });

  it('decodes escapes and quoted path components', () => {
    const parsed = parsePattern("[file:hashes.'SHA-256' = 'it\\'s \\\\ here']");
    const comparison = (parsed.root as { comparison: { path: unknown; value: unknown } }).comparison;
    expect(comparison.path).toEqual({ objectType: 'file', steps: [{ kind: 'property', name: 'hashes' }, { kind: 'property', name: 'SHA-256' }] });
    expect(comparison.value).toEqual({ kind: 'string', value: "it's \\ here" });
  });

  const invalid: [string, RegExp][] = [
    ['', /empty/],
    ["ipv4-addr:value = '1.2.3.4'", /Expected "\[" to start an observation expression/],
    ["[ipv4-addr:value = '1.2.3.4'", /Expected "\]"/],
    ["[ipv4-addr:value == '1.2.3.4']", /Expected a literal value, found "="/],
    ["[ipv4-addr:value = '1.2.3.4]", /Unterminated string/],
    ["[file:hashes.SHA-256 = 'x']", /must be quoted/],
    ["[a:b LIKE 1]", /LIKE needs a string literal/],
    ["[a:b MATCHES '(']", /valid regular expression/],
    ["[a:b = 1] WITHIN 0 SECONDS", /positive number of seconds/],
    ["[a:b = 1] WITHIN 5", /Expected SECONDS/],
    ["[a:b = 1] REPEATS 1.5 TIMES", /positive whole number/],
    ["[a:b = 1] START t'2020-01-01T00:00:00Z' STOP t'2019-01-01T00:00:00Z'", /STOP must be later/],
    ["[a:b > t'2020-13-01T00:00:00Z']", /Invalid timestamp/],
    ["[a:b = 'x\\n']", /Invalid escape/],
    ["[a:b = h'abc']", /Invalid hex/],
    ["[a:b = 1] [c:d = 2]", /Unexpected "\["/],
    ["[a:b > true]", /cannot compare booleans/],
    ["[a:b IN 'x']", /Expected "\(" to start the IN set/],
    ["[a:b = 1] and [c:d = 2]", /Unexpected "and"/],
    ["[a:b ~ 1]", /Unexpected character "~"/],
  ];
  it.each(invalid)('rejects %s with a clear reason', (pattern, reason) => {
    const result = checkPattern(pattern);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(reason);
  });

  it('reports the position of the error', () => {
    try {
      parsePattern("[ipv4-addr:value = '1.2.3.4' AND ]");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PatternError);
      expect((error as PatternError).position).toBe(33);
    }
  });
});

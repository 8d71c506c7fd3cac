/**
 * Recursive-descent parser for the STIX 2.1 patterning grammar. Precedence, loosest first:
 * FOLLOWEDBY, OR, AND between observation expressions; qualifiers bind to the observation
 * expression before them; inside brackets OR is looser than AND. Errors name the token and
 * the character where parsing stopped.
 */
import type { Comparison, ComparisonOperator, Literal, ObjectPath, Observation, Pattern, PathStep, Qualifier } from './ast.ts';
import { PatternError } from './errors.ts';
import { tokenize, type Token } from './lexer.ts';

const comparisonOperators = new Set(['=', '!=', '>', '<', '>=', '<=']);
const keywordOperators = new Set(['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

function describe(token: Token): string {
  return token.kind === 'eof' ? 'the end of the pattern' : `"${token.text}"`;
}

function literalOf(token: Token): Literal {
  switch (token.kind) {
    case 'string': return { kind: 'string', value: token.value as string };
    case 'int': return { kind: 'int', value: token.value as number };
    case 'float': return { kind: 'float', value: token.value as number };
    case 'bool': return { kind: 'bool', value: token.value as boolean };
    case 'timestamp': return { kind: 'timestamp', value: token.value as string, ms: Date.parse(token.value as string) };
    case 'binary': return { kind: 'binary', value: new Uint8Array(Buffer.from(token.value as string, 'base64')) };
    case 'hex': return { kind: 'hex', value: new Uint8Array(Buffer.from(token.value as string, 'hex')) };
    default: throw new PatternError(`Expected a literal value, found ${describe(token)}`, token.position);
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.index];
  }

  private isPunct(text: string): boolean {
    return this.token.kind === 'punct' && this.token.text === text;
  }

  private isKeyword(text: string): boolean {
    return this.token.kind === 'keyword' && this.token.text === text;
  }

  private next(): Token {
    const token = this.token;
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private expectPunct(text: string, context: string): Token {
    if (!this.isPunct(text)) throw new PatternError(`Expected "${text}" ${context}, found ${describe(this.token)}`, this.token.position);
    return this.next();
  }

  private expectKeyword(text: string, context: string): Token {
    if (!this.isKeyword(text)) throw new PatternError(`Expected ${text} ${context}, found ${describe(this.token)}`, this.token.position);
    return this.next();
  }

  pattern(): Observation {
    const root = this.followedBy();
    if (this.token.kind !== 'eof') throw new PatternError(`Unexpected ${describe(this.token)} after a complete observation expression`, this.token.position);
    return root;
  }

  private joined(keyword: string, kind: 'and' | 'or' | 'followedBy', operand: () => Observation): Observation {
    const operands = [operand()];
    while (this.isKeyword(keyword)) {
      this.next();
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0] : { kind, operands };
  }

  private followedBy(): Observation {
    return this.joined('FOLLOWEDBY', 'followedBy', () => this.observationOr());
  }

  private observationOr(): Observation {
    return this.joined('OR', 'or', () => this.observationAnd());
  }

  private observationAnd(): Observation {
    return this.joined('AND', 'and', () => this.qualified());
  }

  private qualified(): Observation {
    let expression = this.observation();
    for (;;) {
      const qualifier = this.qualifier();
      if (!qualifier) return expression;
      expression = { kind: 'qualified', expression, qualifier };
    }
  }

  private observation(): Observation {
    if (this.isPunct('[')) {
      this.next();
      const comparison = this.comparisonOr();
      this.expectPunct(']', 'to close the observation expression');
      return { kind: 'observation', comparison };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.followedBy();
      this.expectPunct(')', 'to close the parenthesised observation expressions');
      return inner;
    }
    throw new PatternError(`Expected "[" to start an observation expression, found ${describe(this.token)}`, this.token.position);
  }

  private qualifier(): Qualifier | undefined {
    const start = this.token;
    if (this.isKeyword('WITHIN')) {
      this.next();
      const amount = this.next();
      if ((amount.kind !== 'int' && amount.kind !== 'float') || (amount.value as number) <= 0) throw new PatternError(`WITHIN needs a positive number of seconds, found ${describe(amount)}`, amount.position);
      this.expectKeyword('SECONDS', 'after the WITHIN amount');
      return { kind: 'within', seconds: amount.value as number };
    }
    if (this.isKeyword('REPEATS')) {
      this.next();
      const times = this.next();
      if (times.kind !== 'int' || (times.value as number) <= 0) throw new PatternError(`REPEATS needs a positive whole number, found ${describe(times)}`, times.position);
      this.expectKeyword('TIMES', 'after the REPEATS count');
      return { kind: 'repeats', times: times.value as number };
    }
    if (this.isKeyword('START')) {
      this.next();
      const from = this.next();
      if (from.kind !== 'timestamp') throw new PatternError(`START needs a timestamp literal t'…', found ${describe(from)}`, from.position);
      this.expectKeyword('STOP', 'after the START timestamp');
      const to = this.next();
      if (to.kind !== 'timestamp') throw new PatternError(`STOP needs a timestamp literal t'…', found ${describe(to)}`, to.position);
      const qualifier: Qualifier = { kind: 'startStop', start: Date.parse(from.value as string), stop: Date.parse(to.value as string) };
      if (qualifier.stop <= qualifier.start) throw new PatternError('STOP must be later than START', start.position);
      return qualifier;
    }
    return undefined;
  }

  private comparisonOr(): Comparison {
    const operands = [this.comparisonAnd()];
    while (this.isKeyword('OR')) { this.next(); operands.push(this.comparisonAnd()); }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private comparisonAnd(): Comparison {
    const operands = [this.propTest()];
    while (this.isKeyword('AND')) { this.next(); operands.push(this.propTest()); }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private propTest(): Comparison {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.comparisonOr();
      this.expectPunct(')', 'to close the parenthesised comparison');
      return inner;
    }
    if (this.isKeyword('EXISTS')) {
      this.next();
      return { kind: 'exists', path: this.objectPath() };
    }
    const path = this.objectPath();
    const negated = this.isKeyword('NOT');
    if (negated) this.next();
    const op = this.next();
    if (op.kind === 'punct' && comparisonOperators.has(op.text)) {
      const value = literalOf(this.next());
      if (op.text !== '=' && op.text !== '!=' && value.kind === 'bool') throw new PatternError(`${op.text} cannot compare booleans`, op.position);
      return { kind: 'test', path, operator: op.text as ComparisonOperator, negated, value };
    }
    if (op.kind === 'keyword' && keywordOperators.has(op.text)) {
      if (op.text === 'IN') return { kind: 'test', path, operator: 'IN', negated, value: this.set() };
      const value = this.next();
      if (value.kind !== 'string') throw new PatternError(`${op.text} needs a string literal, found ${describe(value)}`, value.position);
      if (op.text === 'MATCHES') checkRegex(value);
      return { kind: 'test', path, operator: op.text as ComparisonOperator, negated, value: literalOf(value) };
    }
    throw new PatternError(`Expected a comparison operator (=, !=, <, >, <=, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET), found ${describe(op)}`, op.position);
  }

  private set(): Literal[] {
    this.expectPunct('(', 'to start the IN set');
    const values: Literal[] = [];
    if (!this.isPunct(')')) {
      values.push(literalOf(this.next()));
      while (this.isPunct(',')) { this.next(); values.push(literalOf(this.next())); }
    }
    this.expectPunct(')', 'to close the IN set');
    return values;
  }

  private objectPath(): ObjectPath {
    const type = this.next();
    if (type.kind !== 'identifier') throw new PatternError(`Expected an object type such as ipv4-addr, found ${describe(type)}`, type.position);
    if (!/^[a-z0-9]/.test(type.text) || type.text.endsWith('-')) throw new PatternError(`Invalid object type "${type.text}"`, type.position);
    this.expectPunct(':', `after the object type "${type.text}"`);
    const steps: PathStep[] = [this.propertyName()];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        steps.push(this.propertyName());
      } else if (this.isPunct('[')) {
        // Inside brackets nothing but a list index can follow a path with "[".
        this.next();
        const index = this.next();
        if (index.kind === 'int') steps.push({ kind: 'index', index: index.value as number });
        else if (index.kind === 'punct' && index.text === '*') steps.push({ kind: 'any' });
        else throw new PatternError(`Expected a list index or *, found ${describe(index)}`, index.position);
        this.expectPunct(']', 'to close the list index');
      } else {
        return { objectType: type.text, steps };
      }
    }
  }

  private propertyName(): PathStep {
    const name = this.next();
    if (name.kind === 'string') return { kind: 'property', name: name.value as string };
    if (name.kind === 'identifier' && !name.text.includes('-')) return { kind: 'property', name: name.text };
    if (name.kind === 'identifier') throw new PatternError(`Property names with "-" must be quoted: '${name.text}'`, name.position);
    throw new PatternError(`Expected a property name, found ${describe(name)}`, name.position);
  }
}

function checkRegex(token: Token): void {
  try {
    new RegExp(token.value as string, 'u');
  } catch (error) {
    throw new PatternError(`MATCHES needs a valid regular expression: ${(error as Error).message}`, token.position);
  }
}

/** Parses a pattern or throws a PatternError saying what was expected where. */
export function parsePattern(source: string): Pattern {
  if (source.trim() === '') throw new PatternError('The pattern is empty', 0);
  return { source, root: new Parser(tokenize(source)).pattern() };
}

/** `{ ok: true }` or the reason the pattern is invalid, for validating imported indicators. */
export function checkPattern(source: string): { ok: true } | { ok: false; reason: string } {
  try {
    parsePattern(source);
    return { ok: true };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, reason: error.message };
    throw error;
  }
}

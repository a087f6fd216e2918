/**
 * `$filter` parser: the OData subset Dataverse accepts (PAD webapi/query/filter-rows.md):
 * `eq ne gt ge lt le`, `and or not`, parentheses, `contains/startswith/endswith`, `in (...)`,
 * literals (string with `''` escapes, numbers, GUIDs, dates, date-times, true/false/null),
 * property paths (`name`, `_x_value`, `lookup/column`), parameter aliases (`@p1`) and the
 * `Microsoft.Dynamics.CRM.<Fn>(PropertyName='x',PropertyValue(s)=...)` query functions.
 */
import { errors } from '../errors';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'guid'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { type: 'in'; property: string[]; values: Literal[] }
  | { type: 'call'; name: 'contains' | 'startswith' | 'endswith'; property: string[]; value: Literal }
  | { type: 'crm'; name: string; args: Record<string, Literal | Literal[]> };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Operand = { kind: 'property'; path: string[] } | { kind: 'literal'; literal: Literal };

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/;
const IDENT = /^[A-Za-z_@$][A-Za-z0-9_.@$]*/;
export const CRM_FUNCTION_PREFIX = 'Microsoft.Dynamics.CRM.';

type Token = { t: 'punct'; v: string; pos: number } | { t: 'ident'; v: string; pos: number } | { t: 'lit'; v: Literal; pos: number };


function fail(text: string, pos: number, what: string): never {
  throw errors.querySyntax(`Syntax error: ${what} at position ${pos} in '${text}'.`);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if ('(),=[]/'.includes(c)) { tokens.push({ t: 'punct', v: c, pos: i }); i++; continue; }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw errors.querySyntax(`There is an unterminated literal at position ${i} in '${text}'.`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") { value += "'"; j += 2; continue; }
          break;
        }
        value += text[j]; j++;
      }
      tokens.push({ t: 'lit', v: { kind: 'string', value }, pos: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    let m = GUID.exec(rest);
    if (m && !/[0-9A-Za-z]/.test(rest[m[0].length] ?? '')) { tokens.push({ t: 'lit', v: { kind: 'guid', value: m[0].toLowerCase() }, pos: i }); i += m[0].length; continue; }
    m = DATETIME.exec(rest);
    if (m) { tokens.push({ t: 'lit', v: { kind: 'datetime', value: m[0] }, pos: i }); i += m[0].length; continue; }
    m = DATE.exec(rest);
    if (m) { tokens.push({ t: 'lit', v: { kind: 'date', value: m[0] }, pos: i }); i += m[0].length; continue; }
    m = NUMBER.exec(rest);
    if (m) {
      const num = Number(m[0].replace(/[mMdDfFlL]$/, ''));
      tokens.push({ t: 'lit', v: { kind: 'number', value: num, text: m[0] }, pos: i }); i += m[0].length; continue;
    }
    m = IDENT.exec(rest);
    if (m) {
      const word = m[0];
      if (word === 'true' || word === 'false') tokens.push({ t: 'lit', v: { kind: 'boolean', value: word === 'true' }, pos: i });
      else if (word === 'null') tokens.push({ t: 'lit', v: { kind: 'null' }, pos: i });
      else tokens.push({ t: 'ident', v: word, pos: i });
      i += word.length;
      continue;
    }
    fail(text, i, `unexpected character '${c}'`);
  }
  return tokens;
}

/** Deeper nesting than this is refused (a parser must not overflow its stack on hostile input). */
export const MAX_FILTER_DEPTH = 100;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[], private readonly text: string, private readonly aliases: Record<string, string>) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) fail(this.text, 0, 'expression expected');
    const node = this.or();
    if (this.i < this.tokens.length) fail(this.text, this.tokens[this.i].pos, `unexpected '${tokenText(this.tokens[this.i])}'`);
    return node;
  }

  private peek(): Token | undefined { return this.tokens[this.i]; }
  private isWord(word: string): boolean { const t = this.peek(); return t?.t === 'ident' && t.v === word; }
  private isPunct(p: string): boolean { const t = this.peek(); return t?.t === 'punct' && t.v === p; }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) fail(this.text, this.peek()?.pos ?? this.text.length, `'${p}' expected`);
    this.i++;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) { this.i++; left = { type: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): FilterNode {
    let left = this.not();
    while (this.isWord('and')) { this.i++; left = { type: 'and', left, right: this.not() }; }
    return left;
  }

  private not(): FilterNode {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw errors.querySyntax(`The $filter expression is nested deeper than ${MAX_FILTER_DEPTH} levels; simplify it (use Microsoft.Dynamics.CRM.In for long lists).`);
    }
    try {
      if (this.isWord('not')) { this.i++; return { type: 'not', operand: this.not() }; }
      return this.comparison();
    } finally {
      this.depth--;
    }
  }

  private comparison(): FilterNode {
    if (this.isPunct('(')) {
      this.i++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    const t = this.peek();
    if (t?.t === 'ident' && this.tokens[this.i + 1]?.t === 'punct' && this.tokens[this.i + 1].v === '(') return this.call();
    const left = this.operand();
    const op = this.peek();
    if (op?.t === 'ident' && op.v === 'in' && left.kind === 'property') {
      this.i++;
      return { type: 'in', property: left.path, values: this.list('(', ')') };
    }
    if (op?.t !== 'ident' || !COMPARE.has(op.v)) {
      if (left.kind === 'literal' && left.literal.kind === 'boolean') return { type: 'compare', op: 'eq', left, right: left };
      fail(this.text, op?.pos ?? this.text.length, 'comparison operator expected');
    }
    this.i++;
    return { type: 'compare', op: op.v as CompareOp, left, right: this.operand() };
  }

  private operand(): Operand {
    const t = this.peek();
    if (!t) fail(this.text, this.text.length, 'operand expected');
    if (t.t === 'lit') { this.i++; return { kind: 'literal', literal: t.v }; }
    if (t.t === 'ident') {
      if (t.v.startsWith('@')) { this.i++; return { kind: 'literal', literal: this.alias(t.v, t.pos) }; }
      this.i++;
      const path = [t.v];
      while (this.isPunct('/')) {
        this.i++;
        const next = this.peek();
        if (next?.t !== 'ident') fail(this.text, next?.pos ?? this.text.length, 'property name expected after /');
        path.push(next.v); this.i++;
      }
      return { kind: 'property', path };
    }
    fail(this.text, t.pos, `unexpected '${tokenText(t)}'`);
  }

  private alias(name: string, pos: number): Literal {
    const raw = this.aliases[name];
    if (raw === undefined) fail(this.text, pos, `parameter alias ${name} has no value`);
    const tokens = tokenize(raw);
    if (tokens.length !== 1 || tokens[0].t !== 'lit') fail(this.text, pos, `parameter alias ${name} must be a literal`);
    return tokens[0].v;
  }

  private literal(): Literal {
    const t = this.peek();
    if (t?.t === 'lit') { this.i++; return t.v; }
    if (t?.t === 'ident' && t.v.startsWith('@')) { this.i++; return this.alias(t.v, t.pos); }
    fail(this.text, t?.pos ?? this.text.length, 'literal expected');
  }

  private list(open: string, close: string): Literal[] {
    this.expectPunct(open);
    const values: Literal[] = [];
    if (!this.isPunct(close)) {
      values.push(this.literal());
      while (this.isPunct(',')) { this.i++; values.push(this.literal()); }
    }
    this.expectPunct(close);
    return values;
  }

  private call(): FilterNode {
    const nameTok = this.tokens[this.i] as { v: string; pos: number };
    this.i += 2;
    const name = nameTok.v;
    if (name === 'contains' || name === 'startswith' || name === 'endswith') {
      const prop = this.operand();
      if (prop.kind !== 'property') fail(this.text, nameTok.pos, `${name} needs a property as first argument`);
      this.expectPunct(',');
      const value = this.literal();
      this.expectPunct(')');
      return { type: 'call', name, property: prop.path, value };
    }
    if (name.startsWith(CRM_FUNCTION_PREFIX)) {
      const args: Record<string, Literal | Literal[]> = {};
      if (!this.isPunct(')')) {
        for (;;) {
          const key = this.peek();
          if (key?.t !== 'ident') fail(this.text, key?.pos ?? this.text.length, 'parameter name expected');
          this.i++;
          this.expectPunct('=');
          args[key.v] = this.isPunct('[') ? this.list('[', ']') : this.literal();
          if (!this.isPunct(',')) break;
          this.i++;
        }
      }
      this.expectPunct(')');
      return { type: 'crm', name: name.slice(CRM_FUNCTION_PREFIX.length), args };
    }
    throw errors.querySyntax(`An unknown function with name '${name}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`);
  }
}

function tokenText(t: Token): string {
  if (t.t === 'lit') return 'value' in t.v ? String(t.v.value) : 'null';
  return t.v;
}

export function parseFilter(text: string, aliases: Record<string, string> = {}): FilterNode {
  return new Parser(tokenize(text), text, aliases).parse();
}

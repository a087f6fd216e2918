import type { CompareOp, FilterExpr, Literal, Operand } from './filter-ast';
import { NAMESPACE } from '../constants';

/**
 * A recursive-descent parser for F&O `$filter`: comparisons (eq ne gt ge lt le), and/or/not, grouping,
 * string/number/boolean/null/datetime literals and enum literals `Microsoft.Dynamics.DataEntities.NoYes'Yes'`.
 * Functions (contains, startswith, ...) and `has`/`in` are not supported by F&O: use `Field eq '*text*'`.
 */
export class FilterSyntaxError extends Error {
  constructor(readonly position: number, message: string) {
    super(message);
  }
}

type Token =
  | { t: 'lparen' | 'rparen' | 'comma'; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'lit'; v: Literal; pos: number };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const UNSUPPORTED_OPS = new Set(['add', 'sub', 'mul', 'div', 'divby', 'mod', 'has', 'in']);
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(M|m|L|l|D|d|F|f)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;

function readQuoted(src: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let out = '';
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      if (src[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    out += c;
    i++;
  }
  throw new FilterSyntaxError(start, 'Unterminated string literal');
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '(') tokens.push({ t: 'lparen', pos: i++ });
    else if (c === ')') tokens.push({ t: 'rparen', pos: i++ });
    else if (c === ',') tokens.push({ t: 'comma', pos: i++ });
    else if (c === "'") {
      const q = readQuoted(src, i);
      tokens.push({ t: 'lit', v: { kind: 'string', value: q.value }, pos: i });
      i = q.end;
    } else {
      const rest = src.slice(i);
      const dt = DATETIME.exec(rest);
      if (dt && dt[0].length > 4 && dt[0].includes('-')) {
        tokens.push({ t: 'lit', v: { kind: 'datetime', value: dt[0] }, pos: i });
        i += dt[0].length;
        continue;
      }
      const num = NUMBER.exec(rest);
      if (num) {
        tokens.push({ t: 'lit', v: { kind: 'number', value: Number(num[0].replace(/[MmLlDdFf]$/, '')) }, pos: i });
        i += num[0].length;
        continue;
      }
      const id = IDENT.exec(rest);
      if (!id) throw new FilterSyntaxError(i, `Unexpected character '${c}'`);
      const word = id[0];
      if (src[i + word.length] === "'") {
        const q = readQuoted(src, i + word.length);
        const prefix = `${NAMESPACE}.`;
        const enumType = word.startsWith(prefix) ? word.slice(prefix.length) : word;
        tokens.push({ t: 'lit', v: { kind: 'enum', enumType, member: q.value }, pos: i });
        i = q.end;
        continue;
      }
      if (word === 'true' || word === 'false') tokens.push({ t: 'lit', v: { kind: 'bool', value: word === 'true' }, pos: i });
      else if (word === 'null') tokens.push({ t: 'lit', v: { kind: 'null' }, pos: i });
      else tokens.push({ t: 'ident', v: word, pos: i });
      i += word.length;
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parse(): FilterExpr {
    if (this.tokens.length === 0) throw new FilterSyntaxError(0, 'Empty filter');
    const e = this.or();
    const extra = this.tokens[this.i];
    if (extra) throw new FilterSyntaxError(extra.pos, 'Unexpected token');
    return e;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.i];
    return t && t.t === 'ident' ? t.v : undefined;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpr {
    if (this.peekWord() === 'not') {
      this.i++;
      return { kind: 'not', expr: this.unary() };
    }
    return this.comparison();
  }

  private comparison(): FilterExpr {
    const t = this.tokens[this.i];
    if (t && t.t === 'lparen') {
      this.i++;
      const inner = this.or();
      const close = this.tokens[this.i];
      if (!close || close.t !== 'rparen') throw new FilterSyntaxError(close ? close.pos : this.length, "Expected ')'");
      this.i++;
      return inner;
    }
    const left = this.operand();
    const opTok = this.tokens[this.i];
    if (!opTok || opTok.t !== 'ident') throw new FilterSyntaxError(opTok ? opTok.pos : this.length, 'Expected a comparison operator');
    if (UNSUPPORTED_OPS.has(opTok.v)) throw new FilterSyntaxError(opTok.pos, `The operator '${opTok.v}' is not supported`);
    if (!COMPARE_OPS.has(opTok.v)) throw new FilterSyntaxError(opTok.pos, `Unknown operator '${opTok.v}'`);
    this.i++;
    return { kind: 'cmp', op: opTok.v as CompareOp, left, right: this.operand() };
  }

  private operand(): Operand {
    const t = this.tokens[this.i];
    if (!t) throw new FilterSyntaxError(this.length, 'Expected an operand');
    if (t.t === 'lit') {
      this.i++;
      return { kind: 'literal', literal: t.v };
    }
    if (t.t === 'ident') {
      const next = this.tokens[this.i + 1];
      if (next && next.t === 'lparen') throw new FilterSyntaxError(t.pos, `The function '${t.v}' is not supported; use wildcards ('*text*')`);
      if (COMPARE_OPS.has(t.v) || t.v === 'and' || t.v === 'or' || t.v === 'not') throw new FilterSyntaxError(t.pos, 'Expected an operand');
      this.i++;
      return { kind: 'field', name: t.v };
    }
    throw new FilterSyntaxError(t.pos, 'Expected an operand');
  }
}

export function parseFilter(src: string): FilterExpr {
  return new Parser(tokenize(src), src.length).parse();
}

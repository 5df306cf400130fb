import { scimBadRequest } from './scim-errors.ts';

/**
 * SCIM filters (RFC 7644 §3.4.2.2) and attribute paths (§3.5.2): a small recursive-descent parser.
 * Attribute names are case-insensitive, so paths are lower-cased; a known schema URN prefix is dropped
 * (`urn:…:enterprise:2.0:User:department` → `department`). Anything it cannot read is `invalidFilter`
 * (or `invalidPath` for a PATCH path).
 */

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

/** `emails[type eq "work"].value`: attribute `emails`, value filter, sub-attribute `value`. */
export interface AttrPath {
  attr: string;
  valueFilter: Filter | null;
  sub: string | null;
}

export type Filter =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; inner: Filter };

const SCHEMA_PREFIXES = [
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:',
  'urn:ietf:params:scim:schemas:core:2.0:user:',
  'urn:ietf:params:scim:schemas:core:2.0:group:',
];
const COMPARE_OPS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const MAX_FILTER_LENGTH = 2000;

type Token = { t: 'word'; v: string } | { t: 'string'; v: string } | { t: '(' | ')' | '[' | ']' };

function tokenize(text: string, fail: (why: string) => Error): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw fail('unterminated string');
      try {
        out.push({ t: 'string', v: JSON.parse(text.slice(i, j + 1)) as string });
      } catch {
        throw fail('bad string escape');
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t()[]"'.includes(text[j]!)) j++;
      out.push({ t: 'word', v: text.slice(i, j) });
      i = j;
    }
  }
  return out;
}

export function normaliseAttr(name: string): string {
  const lower = name.toLowerCase();
  for (const prefix of SCHEMA_PREFIXES) if (lower.startsWith(prefix)) return lower.slice(prefix.length);
  return lower;
}

const ATTR_NAME = /^(urn:[a-z0-9:._-]+:)?[a-z$][\w$-]*(\.[a-z$][\w$-]*)?$/i;

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: (why: string) => Error,
  ) {}

  private peek() {
    return this.tokens[this.pos];
  }
  private next() {
    const tok = this.tokens[this.pos++];
    if (!tok) throw this.fail('unexpected end');
    return tok;
  }
  private isWord(tok: Token | undefined, word: string) {
    return tok?.t === 'word' && tok.v.toLowerCase() === word;
  }

  done() {
    if (this.pos !== this.tokens.length) throw this.fail('unexpected text after the expression');
  }

  filter(): Filter {
    let left = this.andTerm();
    while (this.isWord(this.peek(), 'or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.andTerm() };
    }
    return left;
  }

  private andTerm(): Filter {
    let left = this.factor();
    while (this.isWord(this.peek(), 'and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.factor() };
    }
    return left;
  }

  private factor(): Filter {
    const tok = this.peek();
    if (tok?.t === '(') {
      this.pos++;
      const inner = this.filter();
      if (this.next().t !== ')') throw this.fail('missing )');
      return inner;
    }
    if (this.isWord(tok, 'not') && this.tokens[this.pos + 1]?.t === '(') {
      this.pos++;
      return { kind: 'not', inner: this.factor() };
    }
    const path = this.attrPath();
    // `members[value eq "…"]` on its own is a filter too: some value of the attribute matches.
    const ahead = this.peek();
    if (
      path.valueFilter &&
      !path.sub &&
      (!ahead || ahead.t === ')' || this.isWord(ahead, 'and') || this.isWord(ahead, 'or'))
    )
      return { kind: 'present', path };
    const opTok = this.next();
    if (opTok.t !== 'word') throw this.fail('operator expected');
    const op = opTok.v.toLowerCase();
    if (op === 'pr') return { kind: 'present', path };
    if (!COMPARE_OPS.has(op)) throw this.fail(`unknown operator ${opTok.v}`);
    return { kind: 'compare', path, op: op as CompareOp, value: this.value() };
  }

  private value(): FilterValue {
    const tok = this.next();
    if (tok.t === 'string') return tok.v;
    if (tok.t !== 'word') throw this.fail('value expected');
    const v = tok.v.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
    if (v === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    throw this.fail(`bad value ${tok.v}`);
  }

  attrPath(): AttrPath {
    const tok = this.next();
    if (tok.t !== 'word' || !ATTR_NAME.test(tok.v)) throw this.fail('attribute expected');
    const attr = normaliseAttr(tok.v);
    if (this.peek()?.t !== '[') return { attr, valueFilter: null, sub: null };
    if (attr.includes('.')) throw this.fail('a value filter belongs on a multi-valued attribute');
    this.pos++;
    const valueFilter = this.filter();
    if (this.next().t !== ']') throw this.fail('missing ]');
    const after = this.peek();
    if (after?.t === 'word' && after.v.startsWith('.')) {
      this.pos++;
      const sub = after.v.slice(1);
      if (!/^[a-z$][\w$-]*$/i.test(sub)) throw this.fail('bad sub-attribute');
      return { attr, valueFilter, sub: sub.toLowerCase() };
    }
    return { attr, valueFilter, sub: null };
  }
}

/** `filter=` of a GET: a malformed one is 400 invalidFilter. */
export function parseFilter(text: string): Filter {
  const fail = (why: string) => scimBadRequest('invalidFilter', `Invalid filter: ${why}`);
  if (text.length > MAX_FILTER_LENGTH) throw fail('too long');
  const parser = new Parser(tokenize(text, fail), fail);
  const filter = parser.filter();
  parser.done();
  return filter;
}

/** A PATCH operation's `path`: a malformed one is 400 invalidPath. */
export function parsePath(text: string): AttrPath {
  const fail = (why: string) => scimBadRequest('invalidPath', `Invalid path: ${why}`);
  if (text.length > MAX_FILTER_LENGTH) throw fail('too long');
  const parser = new Parser(tokenize(text, fail), fail);
  const path = parser.attrPath();
  parser.done();
  return path;
}

/** The full name of a path without its value filter: `emails.value`, `name.givenname`, `members`. */
export function pathName(p: AttrPath): string {
  return p.sub ? `${p.attr}.${p.sub}` : p.attr;
}

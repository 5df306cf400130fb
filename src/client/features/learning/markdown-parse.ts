/**
 * A small Markdown reader for lesson texts, written for the learner bundle's size budget (the general
 * libraries weigh 30–45 KB gzipped). It turns text into a tree of known elements only, so raw HTML is
 * shown as text and nothing is ever injected as HTML; link and image addresses are limited to http(s),
 * mailto, tel and paths on this site.
 *
 * Blocks: ATX headings, paragraphs (hard break with two trailing spaces or a backslash), bulleted and
 * numbered lists (nested by indentation), block quotes, fenced code, thematic breaks and GFM tables.
 * Inline: code spans, strong and emphasis (`**`, `__`, `*`, `_`), links, images, <autolinks>, bare
 * https:// addresses and backslash escapes.
 */

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'link'; href: string; title?: string; c: Inline[] }
  | { t: 'img'; src: string; alt: string; title?: string }
  | { t: 'br' };

export type Block =
  | { t: 'h'; level: 1 | 2 | 3 | 4 | 5 | 6; c: Inline[] }
  | { t: 'p'; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'pre'; v: string }
  | { t: 'hr' }
  | { t: 'table'; align: ('left' | 'center' | 'right' | null)[]; head: Inline[][]; rows: Inline[][][] };

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#|\.{0,2}\/)/i;

/** The address if it is safe to link to, else null. */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (!url || url.startsWith('//')) return null;
  // A relative address without a scheme ("bild.png") is fine; anything with another scheme is not.
  if (SAFE_URL.test(url)) return url;
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? null : url;
}

const LIST_ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])( +|$)(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const TABLE_DELIM = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

const isBlank = (l: string) => /^\s*$/.test(l);

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += s[i];
  }
  cells.push(cur.trim());
  return cells;
}

/** Starts a block other than a paragraph (used to end a paragraph without a blank line). */
function interrupts(line: string): boolean {
  return HEADING.test(line) || HR.test(line) || QUOTE.test(line) || FENCE.test(line) || LIST_ITEM.test(line);
}

export function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++;
      out.push({ t: 'pre', v: body.join('\n') });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      out.push({ t: 'h', level: h[1]!.length as 1, c: parseInline(h[2] ?? '') });
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!)) {
        const q = QUOTE.exec(lines[i]!);
        inner.push(q ? q[1]! : lines[i]!);
        i++;
      }
      out.push({ t: 'quote', c: parseBlocks(inner.join('\n')) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[3] !== undefined;
      const start = ordered ? Number(item[3]) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const m = LIST_ITEM.exec(l);
        if (m && m[1]!.length < 2 && (m[3] !== undefined) === ordered) {
          items.push([m[5]!]);
          i++;
          continue;
        }
        if (isBlank(l)) {
          // A blank line continues the list only if an item or indented text follows.
          const nextLine = lines[i + 1];
          const nm = nextLine !== undefined ? LIST_ITEM.exec(nextLine) : null;
          if (
            nextLine !== undefined &&
            ((nm && (nm[3] !== undefined) === ordered) || /^ {2,}\S/.test(nextLine))
          ) {
            items[items.length - 1]!.push('');
            i++;
            continue;
          }
          break;
        }
        if (/^ {2,}\S/.test(l) || (!interrupts(l) && items.length)) {
          // Indented (nested list, more text) or a lazy continuation of the item's paragraph.
          items[items.length - 1]!.push(l.replace(/^ {2,4}/, ''));
          i++;
          continue;
        }
        break;
      }
      out.push({ t: 'list', ordered, start, items: items.map((it) => parseBlocks(it.join('\n'))) });
      continue;
    }
    const nextLine = lines[i + 1];
    if (
      line.includes('|') &&
      nextLine !== undefined &&
      TABLE_DELIM.test(nextLine) &&
      nextLine.includes('-')
    ) {
      const head = splitRow(line);
      const align = splitRow(nextLine).map((d) =>
        d.startsWith(':') && d.endsWith(':')
          ? 'center'
          : d.endsWith(':')
            ? 'right'
            : d.startsWith(':')
              ? 'left'
              : null,
      );
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i]!);
        rows.push(head.map((_, k) => parseInline(cells[k] ?? '')));
        i++;
      }
      out.push({ t: 'table', align, head: head.map((c) => parseInline(c)), rows });
      continue;
    }
    const para: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !interrupts(lines[i]!)) para.push(lines[i++]!);
    out.push({ t: 'p', c: parseInline(para.map((l) => l.trimStart()).join('\n')) });
  }
  return out;
}

function findClosing(s: string, from: number, marker: string): number {
  let k = from;
  while (k < s.length) {
    const at = s.indexOf(marker, k);
    if (at < 0) return -1;
    if (s[at - 1] !== '\\' && !/\s/.test(s[at - 1] ?? ' ') && at > from) return at;
    k = at + 1;
  }
  return -1;
}

/** `[text](url "title")` starting at `[`: the parts and where it ends, or null. */
function linkAt(s: string, i: number): { text: string; url: string; title?: string; end: number } | null {
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '[') depth++;
    else if (s[j] === ']' && --depth === 0) break;
  }
  if (j >= s.length || s[j + 1] !== '(') return null;
  const close = s.indexOf(')', j + 2);
  if (close < 0) return null;
  const inside = s.slice(j + 2, close).trim();
  const m = /^<?([^\s>]*)>?(?:\s+["'(](.*)["')])?$/.exec(inside);
  if (!m) return null;
  return { text: s.slice(i + 1, j), url: m[1]!, ...(m[2] ? { title: m[2] } : {}), end: close + 1 };
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) {
      if (s[i + 1] === '\n') {
        flush();
        out.push({ t: 'br' });
        i += 2;
        continue;
      }
      if (/[\\`*_{}[\]()#+\-.!|<>~"']/.test(s[i + 1]!)) {
        text += s[i + 1];
        i += 2;
        continue;
      }
    }
    if (ch === '\n') {
      if (text.endsWith('  ')) {
        text = text.trimEnd();
        flush();
        out.push({ t: 'br' });
      } else text = `${text.trimEnd()} `;
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end > 0) {
        flush();
        out.push({
          t: 'code',
          v: s
            .slice(i + run.length, end)
            .replace(/\n/g, ' ')
            .trim(),
        });
        i = end + run.length;
        continue;
      }
    }
    if (ch === '!' && s[i + 1] === '[') {
      const l = linkAt(s, i + 1);
      const src = l ? safeUrl(l.url) : null;
      if (l && src) {
        flush();
        out.push({ t: 'img', src, alt: l.text, ...(l.title ? { title: l.title } : {}) });
        i = l.end;
        continue;
      }
    }
    if (ch === '[') {
      const l = linkAt(s, i);
      if (l) {
        const href = safeUrl(l.url);
        flush();
        if (href)
          out.push({ t: 'link', href, ...(l.title ? { title: l.title } : {}), c: parseInline(l.text) });
        else out.push(...parseInline(l.text));
        i = l.end;
        continue;
      }
    }
    if (ch === '<') {
      const m = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(s.slice(i));
      if (m) {
        flush();
        out.push({ t: 'link', href: m[1]!, c: [{ t: 'text', v: m[1]!.replace(/^mailto:/i, '') }] });
        i += m[0].length;
        continue;
      }
    }
    if (ch === 'h' && /^https?:\/\//.test(s.slice(i, i + 8)) && !/[\w/]/.test(s[i - 1] ?? ' ')) {
      const m = /^https?:\/\/[^\s<]+[^\s<.,:;"')\]!?]/.exec(s.slice(i));
      if (m) {
        flush();
        out.push({ t: 'link', href: m[0], c: [{ t: 'text', v: m[0] }] });
        i += m[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const double = s[i + 1] === ch;
      const marker = double ? ch + ch : ch;
      const after = s[i + marker.length];
      // Opening needs text right after it; `_` inside a word (snake_case) is not emphasis.
      const intraword = ch === '_' && /[\p{L}\p{N}]/u.test(s[i - 1] ?? '');
      if (after && !/\s/.test(after) && !intraword) {
        const end = findClosing(s, i + marker.length, marker);
        if (end > 0 && !(ch === '_' && /[\p{L}\p{N}]/u.test(s[end + marker.length] ?? ''))) {
          flush();
          out.push({ t: double ? 'strong' : 'em', c: parseInline(s.slice(i + marker.length, end)) });
          i = end + marker.length;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

import { DOMParser } from '@xmldom/xmldom';

/**
 * Strict reading of an XML manifest (cmi5.xml, imsmanifest.xml): xmldom repairs some damage and only
 * warns, and pairs end tags loosely, so here any report refuses and tags are paired first.
 */

/**
 * Markup constructs, matched at each "<" of the document. xmldom 0.8 closes an element on any end
 * tag sharing its prefix (`</titleX>` closes `<title>`) without a word, so tags are paired here.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<\/([^\s<>/]+)\s*>|<([^\s<>/!?]+)(?:\s+[^\s<>=/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;

function unpairedTag(xml: string): string | null {
  const open: string[] = [];
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', MARKUP.lastIndex)) {
    MARKUP.lastIndex = at;
    const match = MARKUP.exec(xml);
    if (!match) return `unreadable markup at character ${at}`;
    const [, end, start, selfClosing] = match;
    if (start && !selfClosing) open.push(start);
    if (end && open.pop() !== end) return `the end tag </${end}> closes no matching start tag`;
  }
  return open.length > 0 ? `<${open.at(-1)}> is never closed` : null;
}

/** The document element, or what is wrong with the document (a short English phrase). */
export function readStrictXml(xml: string): Element | string {
  // Windows authoring tools write a byte order mark, which the string keeps after decoding.
  const source = xml.replace(/^\uFEFF/, '');
  let problem: string | null = unpairedTag(source);
  const record = (message: string) => {
    problem ??=
      String(message)
        .replace(/^\[xmldom \w+\]\s*/, '')
        .split('\n')[0] ?? 'unreadable';
  };
  const doc = new DOMParser({
    errorHandler: { warning: record, error: record, fatalError: record },
  }).parseFromString(source, 'text/xml');
  const strayText = Array.from(doc?.childNodes ?? []).some(
    (n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '',
  );
  if (problem || !doc?.documentElement || strayText) return problem ?? 'no single document element';
  return doc.documentElement;
}

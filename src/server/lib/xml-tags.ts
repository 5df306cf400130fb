/**
 * Pairing of start and end tags, checked before an XML manifest is parsed (cmi5.xml, imsmanifest.xml).
 */

/**
 * Markup constructs, matched at each "<" of the document. xmldom 0.8 closes an element on any end
 * tag sharing its prefix (`</titleX>` closes `<title>`) without a word, so tags are paired here.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<\/([^\s<>/]+)\s*>|<([^\s<>/!?]+)(?:\s+[^\s<>=/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;

export function unpairedTag(xml: string): string | null {
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

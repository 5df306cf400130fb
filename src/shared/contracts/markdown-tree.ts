import { z } from 'zod';

/**
 * A lesson text as the server parsed it (CommonMark, `mdast-util-from-markdown`): a trimmed subset of
 * mdast without positions. The client renders it with React elements, so it needs no parser and never
 * injects HTML. Raw HTML arrives as text; links and images only with an address `isSafeLinkUrl` accepts.
 */
export type MdInline =
  | { type: 'text'; value: string }
  | { type: 'inlineCode'; value: string }
  | { type: 'emphasis'; children: MdInline[] }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'link'; url: string; title?: string | undefined; children: MdInline[] }
  | { type: 'image'; url: string; alt: string; title?: string | undefined }
  | { type: 'break' };

export interface MdListItem {
  type: 'listItem';
  children: MdBlock[];
}

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; depth: number; children: MdInline[] }
  /** `spread`: a loose list, whose items' paragraphs are shown as paragraphs. */
  | { type: 'list'; ordered: boolean; start?: number | undefined; spread: boolean; children: MdListItem[] }
  | { type: 'blockquote'; children: MdBlock[] }
  | { type: 'code'; value: string }
  | { type: 'thematicBreak' };

/**
 * Links and images go to http(s) addresses or to addresses on this site, judged the way a browser
 * reads them (WHATWG URL: leading spaces and control characters stripped, tabs removed), so
 * "\u0001javascript:" or "java&#9;script:" cannot pass as a relative path. Control characters, and
 * the replacement character CommonMark puts for "&#1;", are refused outright: no real address has them.
 */
export function isSafeLinkUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!url.trim() || /[\u0000-\u001F\u007F\uFFFD]/.test(url)) return false;
  try {
    const { protocol } = new URL(url, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const SafeUrl = z.string().max(4000).refine(isSafeLinkUrl, { message: 'Only http(s) or relative addresses' });
const Title = z.string().optional();

export const MdInline: z.ZodType<MdInline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), value: z.string() }),
    z.object({ type: z.literal('inlineCode'), value: z.string() }),
    z.object({ type: z.literal('emphasis'), children: z.array(MdInline) }),
    z.object({ type: z.literal('strong'), children: z.array(MdInline) }),
    z.object({ type: z.literal('link'), url: SafeUrl, title: Title, children: z.array(MdInline) }),
    z.object({ type: z.literal('image'), url: SafeUrl, alt: z.string(), title: Title }),
    z.object({ type: z.literal('break') }),
  ]),
);

const MdListItem: z.ZodType<MdListItem> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), children: z.array(MdBlock) }),
);

export const MdBlock: z.ZodType<MdBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), children: z.array(MdInline) }),
    z.object({
      type: z.literal('heading'),
      depth: z.number().int().min(1).max(6),
      children: z.array(MdInline),
    }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().optional(),
      spread: z.boolean(),
      children: z.array(MdListItem),
    }),
    z.object({ type: z.literal('blockquote'), children: z.array(MdBlock) }),
    z.object({ type: z.literal('code'), value: z.string() }),
    z.object({ type: z.literal('thematicBreak') }),
  ]),
);

/** A lesson's body: its blocks in order. */
export const MdTree = z.array(MdBlock).describe('Lesson text parsed as CommonMark (a subset of mdast)');
export type MdTree = MdBlock[];

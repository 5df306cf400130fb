import type { Definition, Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import {
  isSafeLinkUrl,
  type MdBlock,
  type MdInline,
  type MdTree,
} from '../../shared/contracts/markdown-tree.ts';

/**
 * Nesting deeper than this (">>>>>>…", lists in lists) is shown as plain text, so that a hostile text
 * cannot make the schema check or the client's rendering recurse without end.
 */
const MAX_DEPTH = 16;

/**
 * Parses a lesson text as CommonMark and keeps the subset the learner pages render: entities decoded,
 * reference links resolved, raw HTML turned into text, and links or images to anything but http(s)
 * or this site turned into their text (an image into its alt text).
 */
export function markdownTree(markdown: string): MdTree {
  const root = fromMarkdown(markdown);
  const definitions = new Map<string, Definition>();
  collectDefinitions(root, definitions);
  return new Converter(definitions).blocks(root.children, 0);
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>) {
  // The first definition of a label wins, as CommonMark says.
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}

class Converter {
  constructor(private readonly definitions: Map<string, Definition>) {}

  blocks(nodes: RootContent[], depth: number): MdBlock[] {
    const out: MdBlock[] = [];
    for (const node of nodes) {
      const block = this.block(node, depth);
      if (block) out.push(block);
    }
    return out;
  }

  private block(node: RootContent, depth: number): MdBlock | null {
    if (depth >= MAX_DEPTH) {
      const value = plainText(node);
      return value ? { type: 'paragraph', children: [{ type: 'text', value }] } : null;
    }
    switch (node.type) {
      case 'paragraph':
        return { type: 'paragraph', children: this.inlines(node.children, depth + 1) };
      case 'heading':
        return { type: 'heading', depth: node.depth, children: this.inlines(node.children, depth + 1) };
      case 'thematicBreak':
        return { type: 'thematicBreak' };
      case 'blockquote':
        return { type: 'blockquote', children: this.blocks(node.children, depth + 1) };
      case 'code':
        return { type: 'code', value: node.value };
      case 'html':
        return { type: 'paragraph', children: [{ type: 'text', value: node.value }] };
      case 'list':
        return {
          type: 'list',
          ordered: node.ordered === true,
          ...(node.ordered && node.start !== null && node.start !== undefined ? { start: node.start } : {}),
          // Loose when any item is: then every item's paragraphs are paragraphs (as CommonMark renders).
          spread: node.spread === true || node.children.some((item) => item.spread === true),
          children: node.children.map((item) => ({
            type: 'listItem' as const,
            children: this.blocks(item.children, depth + 1),
          })),
        };
      case 'definition':
        return null;
      default: {
        const value = plainText(node);
        return value ? { type: 'paragraph', children: [{ type: 'text', value }] } : null;
      }
    }
  }

  private inlines(nodes: PhrasingContent[], depth: number): MdInline[] {
    const out: MdInline[] = [];
    const push = (node: MdInline) => {
      const last = out[out.length - 1];
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else out.push(node);
    };
    for (const node of nodes) for (const inline of this.inline(node, depth)) push(inline);
    return out;
  }

  private inline(node: PhrasingContent, depth: number): MdInline[] {
    if (depth >= MAX_DEPTH) {
      const value = plainText(node);
      return value ? [{ type: 'text', value }] : [];
    }
    switch (node.type) {
      case 'text':
      case 'html':
        return [{ type: 'text', value: node.value }];
      case 'inlineCode':
        return [{ type: 'inlineCode', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'emphasis':
      case 'strong':
        return [{ type: node.type, children: this.inlines(node.children, depth + 1) }];
      case 'link':
        return this.link(node.url, node.title, node.children, depth);
      case 'linkReference': {
        const def = this.definitions.get(node.identifier);
        return def
          ? this.link(def.url, def.title, node.children, depth)
          : this.inlines(node.children, depth + 1);
      }
      case 'image':
        return this.image(node.url, node.alt, node.title);
      case 'imageReference': {
        const def = this.definitions.get(node.identifier);
        return def ? this.image(def.url, node.alt, def.title) : this.image('', node.alt, null);
      }
      default: {
        const value = plainText(node);
        return value ? [{ type: 'text', value }] : [];
      }
    }
  }

  private link(
    url: string,
    title: string | null | undefined,
    children: PhrasingContent[],
    depth: number,
  ): MdInline[] {
    const inner = this.inlines(children, depth + 1);
    if (!isSafeLinkUrl(url)) return inner;
    return [{ type: 'link', url, ...(title ? { title } : {}), children: inner }];
  }

  private image(url: string, alt: string | null | undefined, title: string | null | undefined): MdInline[] {
    if (!isSafeLinkUrl(url)) return alt ? [{ type: 'text', value: alt }] : [];
    return [{ type: 'image', url, alt: alt ?? '', ...(title ? { title } : {}) }];
  }
}

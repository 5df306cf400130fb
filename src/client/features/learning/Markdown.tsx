// biome-ignore-all lint/suspicious/noArrayIndexKey: a lesson's tree is static and never reordered
import { Fragment, type ReactNode } from 'react';
import type { MdBlock, MdInline, MdTree } from '../../../shared/contracts/markdown-tree.ts';

function inlines(nodes: MdInline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.value}</Fragment>;
      case 'inlineCode':
        return <code key={i}>{n.value}</code>;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'emphasis':
        return <em key={i}>{inlines(n.children)}</em>;
      case 'break':
        return <br key={i} />;
      case 'image':
        return <img key={i} src={n.url} alt={n.alt} title={n.title} loading="lazy" decoding="async" />;
      case 'link': {
        const external = /^https?:\/\//i.test(n.url) && !n.url.startsWith(window.location.origin);
        return (
          <a
            key={i}
            className="ds-link"
            href={n.url}
            title={n.title}
            {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {inlines(n.children)}
          </a>
        );
      }
    }
    return null;
  });
}

/** Lesson headings sit one level below the page's <h1>. */
const headingTag = (depth: number) => `h${Math.min(6, depth + 1)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function blocks(nodes: MdBlock[], tight = false): ReactNode[] {
  return nodes.map((b, i) => {
    switch (b.type) {
      case 'heading': {
        const Tag = headingTag(b.depth);
        return (
          <Tag key={i} className="ds-heading" data-size={b.depth <= 1 ? 'sm' : 'xs'}>
            {inlines(b.children)}
          </Tag>
        );
      }
      case 'paragraph':
        return tight ? (
          <Fragment key={i}>{inlines(b.children)}</Fragment>
        ) : (
          <p key={i} className="ds-paragraph">
            {inlines(b.children)}
          </p>
        );
      case 'list': {
        // A tight list shows its items' paragraphs without <p>, as CommonMark renders them.
        const items = b.children.map((item, k) => <li key={k}>{blocks(item.children, !b.spread)}</li>);
        return b.ordered ? (
          <ol
            key={i}
            className="ds-list"
            start={b.start === undefined || b.start === 1 ? undefined : b.start}
          >
            {items}
          </ol>
        ) : (
          <ul key={i} className="ds-list">
            {items}
          </ul>
        );
      }
      case 'blockquote':
        return <blockquote key={i}>{blocks(b.children)}</blockquote>;
      case 'code':
        return (
          <pre key={i}>
            <code>{b.value}</code>
          </pre>
        );
      case 'thematicBreak':
        return <hr key={i} />;
    }
    return null;
  });
}

/**
 * A lesson as the server parsed it, as React elements (never as HTML). A copy saved on the device
 * before lessons came parsed holds the Markdown text: it is shown as plain paragraphs until the
 * device is online again.
 */
export function Markdown({ tree }: { tree: MdTree | string }) {
  if (typeof tree === 'string')
    return (
      <>
        {tree.split(/\n{2,}/).map((p, i) => (
          <p key={i} className="ds-paragraph">
            {p}
          </p>
        ))}
      </>
    );
  return <>{blocks(tree)}</>;
}

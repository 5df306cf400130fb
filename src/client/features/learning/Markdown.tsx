// biome-ignore-all lint/suspicious/noArrayIndexKey: a lesson's parsed text is static and never reordered
import { Fragment, type ReactNode, useMemo } from 'react';
import { type Block, type Inline, parseBlocks } from './markdown-parse.ts';

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return <Fragment key={i}>{n.v}</Fragment>;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'strong':
        return <strong key={i}>{inlines(n.c)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.c)}</em>;
      case 'br':
        return <br key={i} />;
      case 'img':
        return <img key={i} src={n.src} alt={n.alt} title={n.title} loading="lazy" decoding="async" />;
      case 'link': {
        const external = /^https?:\/\//i.test(n.href) && !n.href.startsWith(window.location.origin);
        return (
          <a
            key={i}
            className="ds-link"
            href={n.href}
            title={n.title}
            {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {inlines(n.c)}
          </a>
        );
      }
    }
    return null;
  });
}

/** Lesson headings sit one level below the page's <h1>. */
const headingTag = (level: number) => `h${Math.min(6, level + 1)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function blocks(nodes: Block[], tight = false): ReactNode[] {
  return nodes.map((b, i) => {
    switch (b.t) {
      case 'h': {
        const Tag = headingTag(b.level);
        return (
          <Tag key={i} className="ds-heading" data-size={b.level <= 1 ? 'sm' : 'xs'}>
            {inlines(b.c)}
          </Tag>
        );
      }
      case 'p':
        return tight ? (
          <Fragment key={i}>{inlines(b.c)}</Fragment>
        ) : (
          <p key={i} className="ds-paragraph">
            {inlines(b.c)}
          </p>
        );
      case 'list': {
        const items = b.items.map((item, k) => (
          // Items of one paragraph are shown without a <p>, like a tight list.
          <li key={k}>{blocks(item, item.length === 1)}</li>
        ));
        return b.ordered ? (
          <ol key={i} className="ds-list" start={b.start === 1 ? undefined : b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i} className="ds-list">
            {items}
          </ul>
        );
      }
      case 'quote':
        return <blockquote key={i}>{blocks(b.c)}</blockquote>;
      case 'pre':
        return (
          <pre key={i}>
            <code>{b.v}</code>
          </pre>
        );
      case 'hr':
        return <hr key={i} />;
      case 'table':
        return (
          <table key={i} className="ds-table" data-size="sm">
            <thead>
              <tr>
                {b.head.map((c, k) => (
                  <th key={k} scope="col" style={b.align[k] ? { textAlign: b.align[k] } : undefined}>
                    {inlines(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, k) => (
                <tr key={k}>
                  {r.map((c, n) => (
                    <td key={n} style={b.align[n] ? { textAlign: b.align[n] } : undefined}>
                      {inlines(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
    }
    return null;
  });
}

/** A lesson's Markdown as React elements (never as HTML). */
export function Markdown({ text }: { text: string }) {
  const tree = useMemo(() => parseBlocks(text), [text]);
  return <>{blocks(tree)}</>;
}

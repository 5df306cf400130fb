import { useEffect, useReducer, useRef, useState } from 'react';
import { MarkdownPreviewResult } from '../../../shared/contracts/authoring.ts';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import { api } from '../../lib/api.ts';

/** Asked for once typing pauses, not on every key. */
const DELAY_MS = 300;
/** Within the preview route's limits (200 texts, 300 000 characters). */
const BATCH_TEXTS = 100;
const BATCH_CHARS = 250_000;
const CACHE_MAX = 400;

function batches(texts: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length && (current.length >= BATCH_TEXTS || chars + text.length > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Lesson texts as the server parses them for learners, for the editor's previews. Only texts not
 * seen before are sent; while a new answer is on its way, each place keeps showing its last tree.
 */
export function useLessonPreview(courseId: string, texts: string[]) {
  const cache = useRef(new Map<string, MdTree>());
  const shown = useRef(new Map<string, MdTree>());
  const [failed, setFailed] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const missing = JSON.stringify([...new Set(texts)].filter((t) => t && !cache.current.has(t)));

  useEffect(() => {
    const wanted: string[] = JSON.parse(missing);
    if (!wanted.length) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        for (const batch of batches(wanted)) {
          const { trees } = await api.post(`/courses/${courseId}/preview`, MarkdownPreviewResult, {
            texts: batch,
          });
          if (cache.current.size + batch.length > CACHE_MAX) cache.current.clear();
          batch.forEach((text, i) => {
            cache.current.set(text, trees[i] ?? []);
          });
        }
        if (!cancelled) {
          setFailed(false);
          rerender();
        }
      } catch {
        if (!cancelled) setFailed(true);
      }
    }, DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [courseId, missing]);

  /** The tree for a text shown at `place` (e.g. a lesson key), or the last one shown there. */
  const treeOf = (place: string, text: string): MdTree | undefined => {
    if (!text) return [];
    const tree = cache.current.get(text);
    if (tree) shown.current.set(place, tree);
    return tree ?? shown.current.get(place);
  };
  return { treeOf, failed };
}

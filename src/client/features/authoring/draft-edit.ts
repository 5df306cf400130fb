import type {
  DraftContent,
  DraftLesson,
  DraftModule,
  DraftQuestion,
} from '../../../shared/contracts/authoring.ts';

/** Changes a copy of the draft in place; the editor swaps the copy in (one undo-free edit). */
export type Edit = (fn: (d: DraftContent) => void) => void;

export function move<T>(list: T[], from: number, to: number) {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}

/** The first free key with the prefix, so that a new item never takes an existing item's key. */
export function nextKey(prefix: string, items: readonly { key: string }[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.key === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export const newLesson = (lessons: readonly DraftLesson[]): DraftLesson => ({
  key: nextKey('l', lessons),
  title: {},
  body: {},
  estimatedMinutes: 5,
  resources: [],
});

export const newQuestion = (questions: readonly DraftQuestion[]): DraftQuestion => ({
  key: nextKey('q', questions),
  kind: 'single',
  prompt: {},
  options: [
    { key: 'a', text: {}, correct: true, feedback: {} },
    { key: 'b', text: {}, correct: false, feedback: {} },
  ],
});

export const newModule = (modules: readonly DraftModule[]): DraftModule => ({
  key: nextKey('m', modules),
  title: {},
  summary: {},
  lessons: [{ key: 'l1', title: {}, body: {}, estimatedMinutes: 5, resources: [] }],
  quiz: { passMark: 0.67, questions: [] },
  reflectionQuestions: [{}, {}],
});

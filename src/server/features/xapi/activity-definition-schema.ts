import { z } from 'zod';

// A scheme is what the conformance suite checks for ("example.com/verb" must fail); full RFC 3987
// parsing would reject real-world IRIs that LRSs are expected to store as given.
const IRI_PATTERN = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Private-use and "i-" grandfathered tags are valid RFC 5646 but unknown to Intl.
const PRIVATE_OR_GRANDFATHERED = /^(x(-[a-z0-9]{1,8})+|i-[a-z]{2,8})$/i;

export function isIri(value: string): boolean {
  return IRI_PATTERN.test(value);
}

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

// Every statement repeats the same few tags, and asking Intl costs more than the rest of a statement's
// checks: the answers are remembered (a bounded set of tags, so a sender cannot grow it without end).
const knownTags = new Map<string, boolean>();
const KNOWN_TAGS_MAX = 2_000;

export function isLanguageTag(tag: string): boolean {
  const known = knownTags.get(tag);
  if (known !== undefined) return known;
  let valid = PRIVATE_OR_GRANDFATHERED.test(tag);
  if (!valid) {
    try {
      valid = Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      valid = false;
    }
  }
  if (knownTags.size >= KNOWN_TAGS_MAX) knownTags.clear();
  knownTags.set(tag, valid);
  return valid;
}

export const iriSchema = z.string().refine(isIri, 'must be an IRI with a scheme');
export const uuidSchema = z.string().refine(isUuid, 'must be a UUID');
export const languageTagSchema = z.string().refine(isLanguageTag, 'must be an RFC 5646 language tag');
// The 1.0.3 conformance suite refuses an empty map ("display": {}) as well as a bad tag.
export const languageMapSchema = z
  .record(languageTagSchema, z.string())
  .refine((map) => Object.keys(map).length > 0, 'must have at least one entry');
// Extension values may be anything, null included (Data 4.1); only the keys are IRIs.
export const extensionsSchema = z.record(iriSchema, z.unknown());

const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
] as const;

const componentSchema = z.strictObject({
  id: z.string().min(1),
  description: languageMapSchema.optional(),
});
const componentListSchema = z.array(componentSchema);

type ComponentKey = 'choices' | 'scale' | 'source' | 'target' | 'steps';
const COMPONENT_KEYS: ComponentKey[] = ['choices', 'scale', 'source', 'target', 'steps'];
const COMPONENTS_BY_TYPE: Partial<Record<(typeof INTERACTION_TYPES)[number], ComponentKey[]>> = {
  choice: ['choices'],
  sequencing: ['choices'],
  likert: ['scale'],
  matching: ['source', 'target'],
  performance: ['steps'],
};

export const activityDefinitionSchema = z
  .strictObject({
    name: languageMapSchema.optional(),
    description: languageMapSchema.optional(),
    type: iriSchema.optional(),
    moreInfo: iriSchema.optional(),
    extensions: extensionsSchema.optional(),
    interactionType: z.enum(INTERACTION_TYPES).optional(),
    correctResponsesPattern: z.array(z.string()).optional(),
    choices: componentListSchema.optional(),
    scale: componentListSchema.optional(),
    source: componentListSchema.optional(),
    target: componentListSchema.optional(),
    steps: componentListSchema.optional(),
  })
  .superRefine((definition, ctx) => {
    const allowed = definition.interactionType ? (COMPONENTS_BY_TYPE[definition.interactionType] ?? []) : [];
    if (definition.correctResponsesPattern && !definition.interactionType) {
      ctx.addIssue({
        code: 'custom',
        path: ['correctResponsesPattern'],
        message: 'needs an interactionType',
      });
    }
    for (const key of COMPONENT_KEYS) {
      const list = definition[key];
      if (!list) continue;
      if (!allowed.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `not allowed with interactionType ${definition.interactionType ?? '(none)'}`,
        });
      }
      const ids = list.map((c) => c.id);
      if (new Set(ids).size !== ids.length) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'component ids must be distinct' });
      }
    }
  });

export const activitySchema = z.strictObject({
  objectType: z.literal('Activity').optional(),
  id: iriSchema,
  definition: activityDefinitionSchema.optional(),
});

export type XapiActivityDefinition = z.output<typeof activityDefinitionSchema>;
export type XapiActivity = z.output<typeof activitySchema>;

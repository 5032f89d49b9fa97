import { z } from 'zod';

import { CONTENT_RULE_IDS } from './rule-ids.js';

export { CONTENT_RULE_IDS, type ContentRuleId } from './rule-ids.js';

const weight = z.number().min(0).max(5);
const text = z.string().min(1);

const termSchema = z
  .object({
    term: text,
    /** Contribution of one distinct term to its category's score. */
    weight,
    /** Used instead of `weight` when the term is the label of a short button or link. */
    controlWeight: weight.optional(),
    /** Used instead of `weight` when the term sits in the page's footer: the site says it of itself. */
    footerWeight: weight.optional(),
    /**
     * Characters that, right before the term, make its first character part of another word:
     * 基本公司 is 基本 + 公司, not 本公司. Chinese has no spaces, so this is our word boundary.
     */
    notAfter: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

const markerSchema = z
  .object({
    name: text,
    /** Lower-case substrings searched in script tags, inline scripts and the generator meta tag. */
    patterns: z.array(text.regex(/^[^A-Z]+$/, 'marker patterns are lower case')).min(1),
    kind: z.enum(['comment-widget', 'forum', 'payment-sdk']),
    weight,
  })
  .strict();

const sourceSchema = z.object({ name: text, kind: text, licence: text }).strict();

export const lexiconSchema = z
  .object({
    id: text.regex(/^[a-z]+(-[a-z]+)*$/),
    rule: z.enum(CONTENT_RULE_IDS),
    category: text,
    name: z.object({ 'zh-CN': text, en: text }).strict(),
    /** Score a page needs in this category before anything is reported. */
    threshold: z.number().positive().optional(),
    /** Distinct terms needed when no single term reaches the threshold on its own. */
    minDistinct: z.number().int().min(1).optional(),
    /** Extra weight per repeat of a term (at most two repeats count). */
    repeatBonus: z.number().min(0).max(1).optional(),
    /** Entity-scope groups: at least one signal must weigh this much, so topic words alone never add up. */
    minTopWeight: z.number().min(0).optional(),
    /** Text length (characters) above which the threshold grows with √(length / lengthBase). */
    lengthBase: z.number().int().positive().optional(),
    /** Weights of the structural signals the entity-scope rule computes in code. */
    detectors: z.record(z.string(), z.number().min(0)).optional(),
    note: text,
    licence: text,
    sources: z.array(sourceSchema).min(1),
    /** Licence strings whose presence on a page shows the pre-approval is held. */
    licences: z.array(termSchema).optional(),
    markers: z.array(markerSchema).optional(),
    terms: z.array(termSchema).min(1),
  })
  .strict();

export type LexiconTerm = z.infer<typeof termSchema>;
export type Marker = z.infer<typeof markerSchema>;
export type LexiconSource = z.infer<typeof sourceSchema>;
export type Lexicon = z.infer<typeof lexiconSchema> & {
  readonly threshold: number;
  readonly minDistinct: number;
  readonly repeatBonus: number;
};

/**
 * Validates one shipped lexicon. The lists are data in the repository, so a malformed one is a
 * bug in this project, not user input: it throws a plain Error naming the file and the field.
 * The tests run every shipped list through it; at run time lexicons.ts only adds the defaults,
 * which keeps zod's schema work off every start-up.
 */
export function parseLexicon(raw: unknown, file: string): Lexicon {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`data/lexicons/${file}.json is malformed: ${problems}`);
  }
  const lexicon = parsed.data;
  if (`${lexicon.id}` !== file) throw new Error(`data/lexicons/${file}.json: id "${lexicon.id}" must equal the file name`);
  return { ...lexicon, threshold: lexicon.threshold ?? 1, minDistinct: lexicon.minDistinct ?? 1, repeatBonus: lexicon.repeatBonus ?? 0 };
}

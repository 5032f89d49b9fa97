/** The three content rules; a lexicon belongs to exactly one of them. */
export const CONTENT_RULE_IDS = ['content-prohibited', 'content-preapproval', 'content-entity-scope'] as const;
export type ContentRuleId = (typeof CONTENT_RULE_IDS)[number];

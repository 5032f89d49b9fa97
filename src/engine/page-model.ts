import { mayHoldForms } from '../content/markers.js';
import { buildPage, type BuildOptions } from '../page/build-page.js';
import type { Page } from '../page/page.js';
import { streamPage } from '../page/stream-page.js';

/**
 * Which page model a page is checked on (issue 18). The tree (buildPage) answers everything; the
 * text model (streamPage) skips building it and answers what the content rules read, and what the
 * footer rules read on a page that shows no filing number (the title, the `<head>`, the footer
 * element a missing number is reported at). A page gets the tree when a rule could ask for more:
 *
 * - it has a password field or a text area (the content rules read the forms around them);
 * - footer rules run on it and its visible text could hold an ICP or public-security number
 *   (where it is, whether CSS hides it, what links it);
 * - footer rules run on it and it looks like a client-rendered shell (scripts, next to no text).
 *
 * The last two are only known once the text is built: the raw source is scanned first, and a
 * page whose source mentions a number goes to the tree at once; one whose number only appears
 * after decoding (`&#73;CP`, full-width letters) is built a second time.
 */
export type PageModel = 'tree' | 'text';

/** Every ICP number findIcpNumbers finds holds ICP or IPC in any case, or B2; every police number 公网安 or 公安 (domain/icp.ts, domain/police.ts). */
export function mayShowFilingNumber(text: string): boolean {
  return /icp|ipc/i.test(text) || text.includes('B2') || text.includes('公网安') || text.includes('公安');
}

/** The raw source mentions a number: most likely it is shown, and the tree is built at once. */
const SOURCE_HINT = /icp|ipc|公网安|公安|b2\s?[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/i;

/** What absenceDraft's shell test (rules/shared/absence.ts) would look into. */
function shellLike(page: Page): boolean {
  return page.hasScripts && page.body !== null && page.text.value.trim().length <= 200;
}

/**
 * Builds the page on the cheapest model that answers every rule that runs on it. `footer`: the
 * footer rules run on this page. `model: 'tree'` forces the tree (tests compare the two).
 */
export function pageFor(rel: string, source: string, footer: boolean, options: BuildOptions, model: PageModel | 'auto' = 'auto'): Page {
  if (model === 'tree' || mayHoldForms(source) || (footer && SOURCE_HINT.test(source))) return buildPage(rel, source, options);
  const page = streamPage(rel, source, options);
  if (footer && (mayShowFilingNumber(page.text.value) || shellLike(page))) return buildPage(rel, source, options);
  return page;
}

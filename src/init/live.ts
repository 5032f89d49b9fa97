/**
 * Whether init sets up the daily live check, and for which domains: from --live/--no-live and
 * --domain, from the user's answers on a terminal, or from the site address the project names
 * (the generator's config, a CNAME file). Nothing here writes; run-init.ts does.
 */
import { InputError } from '../config/errors.js';
import { format, LANGS, type Lang, type Localized } from '../i18n/lang.js';
import { whereText } from './choose.js';
import { ADDRESS_PROBLEM_TEXT, t } from './messages.js';
import type { Asker } from './prompt.js';
import { liveTargets, siteAddress, type AddressProblem, type FoundAddress, type LiveTargets, type SiteAddress } from './site-domains.js';

/** Why a name cannot be a filed domain, in the user's language. */
export function addressProblemText(lang: Lang, problem: AddressProblem): string {
  if (problem.kind === 'syntax') return problem.why[lang];
  return format(ADDRESS_PROBLEM_TEXT[problem.kind][lang], problem.kind === 'platform' ? { suffix: problem.suffix } : {});
}

/** --domain values as filed domains and hosts; an unusable one is a usage error (exit 2). */
export async function addressesFromFlags(lang: Lang, values: readonly string[]): Promise<SiteAddress[]> {
  const out: SiteAddress[] = [];
  for (const value of values) {
    const r = await siteAddress(value);
    if (!r.ok) throw InputError.of('init-bad-domain', { value, why: inEach((l) => addressProblemText(l, r.problem)) });
    out.push(r.value);
  }
  return out;
}

/** The live check as decided: the targets to write, where they came from, and remarks for the summary. */
export interface LiveDecision {
  readonly targets?: LiveTargets;
  readonly addresses: readonly SiteAddress[];
  readonly from?: string;
  readonly remarks: readonly string[];
}

export interface LiveQuestion {
  readonly lang: Lang;
  readonly asker: Asker | undefined;
  readonly out: { write(s: string): unknown };
  /** --live (true), --no-live (false) or neither. */
  readonly flag: boolean | undefined;
  readonly flagged: readonly SiteAddress[] | undefined;
  /** The first usable address the project names, and every one it names. */
  readonly found: FoundAddress | undefined;
  readonly all: readonly FoundAddress[];
  /** The live file exists and --force was not given: do not offer what cannot be written. */
  readonly blockedBy?: string;
}

const YES = ['y', 'yes', '是', '好', '要', 'ok'];
const NO = ['n', 'no', '否', '不', '不要'];

/** Decides, asking on a terminal where the flags leave it open. */
export async function decideLive(q: LiveQuestion): Promise<LiveDecision> {
  const { lang } = q;
  const none = (remarks: string[] = []): LiveDecision => ({ addresses: [], remarks });
  if (q.flag === false) return none();
  if (q.flagged && q.flagged.length > 0) return decided(lang, q.flagged, t(lang, 'fromFlag'));
  const foundFrom = q.found ? whereText(lang, q.found.found) : undefined;
  const foundAddress = q.found?.result.ok ? q.found.result.value : undefined;
  if (!q.asker) {
    if (q.flag === true) {
      if (!foundAddress) throw InputError.of('init-needs-domain', { found: inEach((l) => unusableText(l, q.all)) });
      return decided(lang, [foundAddress], foundFrom);
    }
    return none();
  }
  if (q.flag === undefined) {
    if (q.blockedBy) return none([t(lang, 'liveExists', { file: q.blockedBy })]);
    const byDefault = foundAddress ? 'y' : 'n';
    let yes: boolean | undefined;
    for (let attempt = 0; attempt < 3 && yes === undefined; attempt++) {
      const answer = await q.asker.ask(`${t(lang, 'askLive')}${hint(lang, byDefault)}`);
      const a = (answer === undefined || answer === '' ? byDefault : answer).toLowerCase();
      if (YES.includes(a)) yes = true;
      else if (NO.includes(a)) yes = false;
      else q.out.write(`${t(lang, 'askLiveInvalid')}\n`);
      if (answer === undefined) break;
    }
    if (!yes) return none();
  }
  if (q.found && foundAddress) q.out.write(`${t(lang, 'addressFound', { value: q.found.found.value, where: foundFrom ?? '' })}\n`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await q.asker.ask(`${t(lang, 'askDomains')}${foundAddress ? hint(lang, foundAddress.host.unicode) : lang === 'zh-CN' ? '：' : ': '}`);
    if (answer === undefined || answer === '') {
      if (foundAddress) return decided(lang, [foundAddress], foundFrom);
      if (answer === undefined) break;
      continue;
    }
    const typed: SiteAddress[] = [];
    let bad = false;
    for (const value of answer.split(/[\s,，、]+/).filter((v) => v !== '')) {
      const r = await siteAddress(value);
      if (r.ok) typed.push(r.value);
      else {
        q.out.write(`${t(lang, 'askDomainInvalid', { value, why: addressProblemText(lang, r.problem) })}\n`);
        bad = true;
        break;
      }
    }
    if (!bad && typed.length > 0) return decided(lang, typed, t(lang, 'fromPrompt'));
  }
  return none([t(lang, 'liveNoDomain')]);
}

function hint(lang: Lang, value: string): string {
  return lang === 'zh-CN' ? `（${t(lang, 'askDefault', { value })}）：` : ` (${t(lang, 'askDefault', { value })}): `;
}

/** A text said in every language, for the pieces of an InputError. */
function inEach(say: (lang: Lang) => string): Localized {
  return Object.fromEntries(LANGS.map((l) => [l, say(l)])) as Record<Lang, string>;
}

/** What was found but could not be used, for the error that asks for --domain. */
function unusableText(lang: Lang, all: readonly FoundAddress[]): string {
  const first = all.find((a) => !a.result.ok);
  if (!first || first.result.ok) return '';
  return t(lang, 'liveNeedsDomainFound', { value: first.found.value, where: whereText(lang, first.found), why: addressProblemText(lang, first.result.problem) });
}

function decided(lang: Lang, addresses: readonly SiteAddress[], from: string | undefined): LiveDecision {
  const targets = liveTargets(addresses);
  const remarks: string[] = [];
  for (const a of addresses) {
    if (a.label !== '@' && a.label !== 'www') remarks.push(t(lang, 'subdomainHost', { host: a.host.unicode, domain: a.domain.unicode, label: a.label }));
  }
  return { targets, addresses, ...(from !== undefined && { from }), remarks };
}

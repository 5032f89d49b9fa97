import type { ContentRuleId, Lexicon } from './lexicon.js';
import entityCommerce from '../../data/lexicons/entity-commerce.json' with { type: 'json' };
import entityInteractive from '../../data/lexicons/entity-interactive.json' with { type: 'json' };
import entityOrganisation from '../../data/lexicons/entity-organisation.json' with { type: 'json' };
import preapprovalBroadcasting from '../../data/lexicons/preapproval-broadcasting.json' with { type: 'json' };
import preapprovalBulletinBoard from '../../data/lexicons/preapproval-bulletin-board.json' with { type: 'json' };
import preapprovalCulture from '../../data/lexicons/preapproval-culture.json' with { type: 'json' };
import preapprovalDrugs from '../../data/lexicons/preapproval-drugs.json' with { type: 'json' };
import preapprovalEducation from '../../data/lexicons/preapproval-education.json' with { type: 'json' };
import preapprovalFinance from '../../data/lexicons/preapproval-finance.json' with { type: 'json' };
import preapprovalGames from '../../data/lexicons/preapproval-games.json' with { type: 'json' };
import preapprovalMedical from '../../data/lexicons/preapproval-medical.json' with { type: 'json' };
import preapprovalNews from '../../data/lexicons/preapproval-news.json' with { type: 'json' };
import preapprovalPublishing from '../../data/lexicons/preapproval-publishing.json' with { type: 'json' };
import preapprovalReligion from '../../data/lexicons/preapproval-religion.json' with { type: 'json' };
import preapprovalRideHailing from '../../data/lexicons/preapproval-ride-hailing.json' with { type: 'json' };
import prohibitedContext from '../../data/lexicons/prohibited-context.json' with { type: 'json' };
import prohibitedDrugs from '../../data/lexicons/prohibited-drugs.json' with { type: 'json' };
import prohibitedFraud from '../../data/lexicons/prohibited-fraud.json' with { type: 'json' };
import prohibitedGambling from '../../data/lexicons/prohibited-gambling.json' with { type: 'json' };
import prohibitedIllegalServices from '../../data/lexicons/prohibited-illegal-services.json' with { type: 'json' };
import prohibitedPornography from '../../data/lexicons/prohibited-pornography.json' with { type: 'json' };
import prohibitedWeapons from '../../data/lexicons/prohibited-weapons.json' with { type: 'json' };

// Static imports so ncc bundles the lists into dist/ and no file is read at run time.
const RAW: Readonly<Record<string, unknown>> = {
  'entity-commerce': entityCommerce,
  'entity-interactive': entityInteractive,
  'entity-organisation': entityOrganisation,
  'preapproval-broadcasting': preapprovalBroadcasting,
  'preapproval-bulletin-board': preapprovalBulletinBoard,
  'preapproval-culture': preapprovalCulture,
  'preapproval-drugs': preapprovalDrugs,
  'preapproval-education': preapprovalEducation,
  'preapproval-finance': preapprovalFinance,
  'preapproval-games': preapprovalGames,
  'preapproval-medical': preapprovalMedical,
  'preapproval-news': preapprovalNews,
  'preapproval-publishing': preapprovalPublishing,
  'preapproval-religion': preapprovalReligion,
  'preapproval-ride-hailing': preapprovalRideHailing,
  'prohibited-context': prohibitedContext,
  'prohibited-drugs': prohibitedDrugs,
  'prohibited-fraud': prohibitedFraud,
  'prohibited-gambling': prohibitedGambling,
  'prohibited-illegal-services': prohibitedIllegalServices,
  'prohibited-pornography': prohibitedPornography,
  'prohibited-weapons': prohibitedWeapons,
};

let cache: readonly Lexicon[] | undefined;

/**
 * A shipped list with its defaults. The lists are our own data, bundled as they are in the
 * repository, and the tests check each one against lexiconSchema (parseLexicon); validating them
 * again on every start cost each run about 10 ms.
 */
function withDefaults(raw: unknown): Lexicon {
  const lexicon = raw as Omit<Lexicon, 'threshold' | 'minDistinct' | 'repeatBonus'> & Partial<Lexicon>;
  return { ...lexicon, threshold: lexicon.threshold ?? 1, minDistinct: lexicon.minDistinct ?? 1, repeatBonus: lexicon.repeatBonus ?? 0 };
}

/** Every shipped lexicon with its defaults, built on first use (once per process or worker). */
export function allLexicons(): readonly Lexicon[] {
  cache ??= Object.values(RAW).map(withDefaults);
  return cache;
}

export function lexiconsFor(rule: ContentRuleId): readonly Lexicon[] {
  return allLexicons().filter((l) => l.rule === rule && l.category !== 'counter-context');
}

/** Words of warning and moderation that mark quoted prohibited terms (see prohibited-context.json). */
export function counterContext(): Lexicon {
  const found = allLexicons().find((l) => l.id === 'prohibited-context');
  if (!found) throw new Error('data/lexicons/prohibited-context.json is missing');
  return found;
}

export function lexiconById(id: string): Lexicon | undefined {
  return allLexicons().find((l) => l.id === id);
}

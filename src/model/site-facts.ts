import type { IcpNumber, PoliceNumber } from './filing-numbers.js';

/** Lowest severity that fails a run; `never` reports without failing. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const FILINGS = ['personal', 'enterprise'] as const;
/** Who holds the filing: a person (个人备案) or an organisation (单位备案). */
export type Filing = (typeof FILINGS)[number];

/** 前置审批 categories a site may declare it holds a licence for (DOMAIN.md §5.1). */
export const PREAPPROVAL_CATEGORIES = [
  'news',
  'publishing',
  'culture',
  'broadcasting',
  'drugs',
  'medical',
  'education',
  'games',
  'finance',
  'religion',
  'bulletin-board',
  'ride-hailing',
] as const;
export type Preapproval = (typeof PREAPPROVAL_CATEGORIES)[number];

/** What a site says about its filing, validated and parsed once before any page is read. */
export interface SiteFacts {
  readonly icp: IcpNumber;
  readonly police?: PoliceNumber;
  readonly siteName: string;
  readonly filing: Filing;
  readonly miitLink: 'exact' | 'host';
  readonly preapprovals: readonly Preapproval[];
  readonly allow: readonly string[];
  readonly otherOrganizations: readonly string[];
}

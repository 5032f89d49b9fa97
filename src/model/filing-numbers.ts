/** The parsed shapes of the two numbers a footer shows. The grammars that produce them live in src/domain/. */

/** `filing` = 京ICP备12345678号[-N]; `licence` = 京ICP证030173号[-N]; `b2` = [粤]B2-20090059[-N]. */
export type IcpKind = 'filing' | 'licence' | 'b2';

/** A parsed ICP number. */
export interface IcpNumber {
  kind: IcpKind;
  /** The leading province character as written; absent for cross-regional `B2-` licences (§1.4). */
  province?: string;
  /** True when the character is a known alias (川/贵/云/甘) rather than the canonical one (§1.3). */
  provinceAlias: boolean;
  /** The digits of the entity part (or the `X`/`*` placeholder as written, upper-cased). */
  serial: string;
  /** N of the `-N` site suffix, digits only. */
  site?: string;
  /** App / mini-program / quick-app suffix after `-N`; wrong on a website (§1.1). */
  appSuffix?: 'A' | 'X' | 'K';
  /** 00000000, 12345678, XXXXXXXX, all one digit and similar (§1.2). */
  placeholder: boolean;
  /** Normalised display form, e.g. `京ICP备12345678号-1`, `粤B2-20090059-5`. */
  canonical: string;
}

/** A parsed 公网安备 number. */
export interface PoliceNumber {
  /** The leading province character as written. */
  province?: string;
  /** True for 蜀/黔, which are seen but not canonical (§2.3). */
  provinceAlias: boolean;
  digits: string;
  /** Display form with the character as written, e.g. `京公网安备11010502030143号`. */
  canonical: string;
}

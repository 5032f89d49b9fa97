import { format, type Lang, type Localized } from '../i18n/lang.js';
import { ERROR_MESSAGES, type ErrorId } from './error-messages.js';

const BRAND = Symbol.for('beian-guard.InputError');

/** Where a problem is: a file and key path, a flag or an input. Language-neutral or in both languages. */
export type Where = string | Localized;

/** Values for a message's `{placeholders}`; a piece that is itself a sentence comes in both languages. */
export type ErrorData = Readonly<Record<string, string | number | Localized>>;

/**
 * A problem with what the user gave us: flags, config, inputs, the site folder. Reported as one
 * clear line and exit code 2, never as a stack trace. `message` is the English text (logs, tests
 * and callers that only want a string); `text(lang)` is what a user reads.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Marks instances across bundles: the CLI front catches errors thrown by dist/check/'s own copy of this class. */
  readonly [BRAND] = true;
  /** The message id from ERROR_MESSAGES; absent for an error built from a plain sentence. */
  readonly id: ErrorId | undefined;
  private readonly texts: Localized;

  /** A plain sentence, the same in every language (kept for callers that have no message id yet). */
  constructor(message: string, texts?: Localized, id?: ErrorId) {
    super(texts?.en ?? message);
    this.texts = texts ?? { 'zh-CN': message, en: message };
    this.id = id;
  }

  /** An error from the catalogue, `where` put in front of it as `where: message`. */
  static of(id: ErrorId, data: ErrorData = {}, where?: Where): InputError {
    const text = messageText(id, data);
    const say = (lang: Lang): string => (where === undefined ? text[lang] : `${typeof where === 'string' ? where : where[lang]}: ${text[lang]}`);
    return new InputError(say('en'), { 'zh-CN': say('zh-CN'), en: say('en') }, id);
  }

  text(lang: Lang): string {
    return this.texts[lang];
  }
}

/** A catalogue message in both languages, its placeholders filled from `data`. */
export function messageText(id: ErrorId, data: ErrorData = {}): Localized {
  const say = (lang: Lang): string => {
    const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
    return format(ERROR_MESSAGES[id][lang], values);
  };
  return { 'zh-CN': say('zh-CN'), en: say('en') };
}

/** Whether `e` is an InputError, from this bundle or another one (instanceof sees only its own copy). */
export function isInputError(e: unknown): e is InputError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/** A text in both languages, for building `data` of one message out of other localized pieces. */
export function both(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

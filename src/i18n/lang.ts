/** Languages every user-facing text is written in; zh-CN is the default because most users read it first. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every supported language. */
export type Localized = Readonly<Record<Lang, string>>;

export type MessageData = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders. A placeholder without data stays visible as `{name}` so a
 * missing value shows up in tests instead of silently reading as an empty string.
 */
export function format(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}

export function localize(text: Localized, lang: Lang, data?: MessageData): string {
  return format(text[lang], data);
}

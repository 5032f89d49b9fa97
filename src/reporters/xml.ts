/**
 * XML text for the report formats other tools read (JUnit, checkstyle). Page text can hold any
 * character; XML 1.0 cannot: controls other than tab and line breaks, lone surrogates and
 * U+FFFE/U+FFFF make a document that JUnit and checkstyle parsers reject outright, so the whole
 * report would be lost over one title. Those characters are shown as `\uXXXX` instead.
 */

import { PROJECT_URL } from './docs-url.js';

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text content of an element. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value in double quotes. Line breaks and tabs become character references, or an
 * XML parser would normalise them to spaces (attribute-value normalisation, XML 1.0 §3.3.3).
 */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, in the order given; undefined values are left out. */
export function xmlAttrs(attrs: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out += ` ${name}="${xmlAttr(String(value))}"`;
  return out;
}

/** The first lines of our XML reports: the declaration, and a comment that says who wrote the file (a later run may replace it). */
export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- beian-guard report: ${PROJECT_URL} -->`;

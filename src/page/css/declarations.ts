import * as csstree from './csstree.js';

/**
 * The properties that decide whether text shows. Everything else in a stylesheet is skipped at
 * parse time, so a theme's thousands of colour and margin rules cost nothing past tokenizing.
 */
export const PROPS = [
  'display',
  'visibility',
  'content-visibility',
  'opacity',
  'font-size',
  'text-indent',
  'clip',
  'clip-path',
  'position',
  'left',
  'top',
  'right',
  'transform',
  'height',
  'max-height',
  'width',
  'max-width',
  'overflow',
] as const;
export type Prop = (typeof PROPS)[number];

const PROP_SET: ReadonlySet<string> = new Set(PROPS);

/** A cheap test before parsing a block: does it mention any property we read (font covers the shorthand)? */
export const MENTIONS_PROP = /display|visibility|opacity|font|indent|clip|position|left|top|right|transform|height|width|overflow/i;

/** One declaration we read, its value lower-cased and trimmed. */
export interface Declaration {
  readonly prop: Prop;
  readonly value: string;
  readonly important: boolean;
}

const FONT_SIZE_WORD = /^(?:xx-small|x-small|small|medium|large|x-large|xx-large|xxx-large|smaller|larger)$/;
const LENGTH = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[a-z%]+)?$/;

/** The size part of the `font` shorthand (`font: 0/0 a` is the old image-replacement hack). */
function fontShorthandSize(value: string): string | null {
  for (const token of value.split(/\s+/)) {
    const size = token.split('/')[0] ?? '';
    // A bare number is a font-weight (400, 700); a size has a unit, except 0.
    if (FONT_SIZE_WORD.test(size) || size === '0' || (LENGTH.test(size) && /[a-z%]$/.test(size))) return size;
  }
  return null;
}

function push(out: Declaration[], property: string, raw: string, important: boolean): void {
  const prop = property.trim().toLowerCase();
  const value = raw.replace(/!\s*important\s*$/i, '').trim().toLowerCase();
  if (PROP_SET.has(prop)) {
    out.push({ prop: prop as Prop, value, important });
    return;
  }
  if (prop === 'font') {
    const size = fontShorthandSize(value);
    if (size !== null) out.push({ prop: 'font-size', value: size, important });
  }
}

/**
 * Declarations of a rule block or a style attribute that we read. css-tree does the parsing
 * (strings, comments, escapes); values stay raw text. Unparsable input gives what it could read.
 */
export function parseDeclarations(block: string): Declaration[] {
  const out: Declaration[] = [];
  if (!MENTIONS_PROP.test(block)) return out;
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(block, { context: 'declarationList', parseValue: false, parseCustomProperty: false, onParseError: () => undefined });
  } catch {
    return out;
  }
  if (ast.type !== 'DeclarationList') return out;
  ast.children.forEach((d) => {
    if (d.type !== 'Declaration') return;
    const value = d.value.type === 'Raw' ? d.value.value : csstree.generate(d.value);
    push(out, d.property, value, d.important === true || typeof d.important === 'string');
  });
  return out;
}

/** How a declaration reads in a message: `display: none !important`. */
export function declarationText(d: Declaration): string {
  return `${d.prop}: ${d.value}${d.important ? ' !important' : ''}`;
}

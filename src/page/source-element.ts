import { Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { FastTokenizer } from './fast-tokenizer.js';

/** The attributes of the first start tag in `tag`, exactly as Parser would have collected them. */
function attribsOf(tag: string): Record<string, string> {
  let found: Record<string, string> | null = null;
  const parser = new Parser(
    {
      onopentag(_name, attribs) {
        found ??= attribs;
      },
    },
    { decodeEntities: false, Tokenizer: FastTokenizer },
  );
  parser.end(tag);
  return found ?? {};
}

const PARSED = Symbol('attribs');
type Parsed = Element & { [PARSED]?: Record<string, string> };

/**
 * An element that reads its attributes from its own start tag (`tagSource` from startIndex to
 * `tagEnd`, the parser's endIndex when the tag opened) the first time they are asked for. Both
 * page models build these (issue 18): a rule reads the attributes of few elements (the ancestors
 * of a number or a matched term, links, styles, what a stylesheet's selectors test), while
 * collecting every attribute of every element as Parser does was about an eighth of building a
 * page. An implied start tag (`</p>` without `<p>`) spans its end tag, which holds no start tag:
 * no attributes, as Parser gives it.
 */
export class SourceElement extends Element {
  constructor(
    name: string,
    readonly tagSource: string,
    readonly tagEnd: number,
  ) {
    super(name, NO_ATTRIBS);
  }
}

const NO_ATTRIBS: Record<string, string> = Object.freeze({}) as Record<string, string>;
Object.defineProperty(SourceElement.prototype, 'attribs', {
  get(this: SourceElement & Parsed): Record<string, string> {
    let parsed = this[PARSED];
    if (parsed === undefined) {
      parsed = attribsOf(this.tagSource.slice(this.startIndex ?? 0, this.tagEnd + 1));
      this[PARSED] = parsed;
    }
    return parsed;
  },
  set(this: Parsed, value: Record<string, string>) {
    // Element's constructor assigns the empty placeholder; anything else is a real value.
    if (value !== NO_ATTRIBS) this[PARSED] = value;
  },
  configurable: true,
});

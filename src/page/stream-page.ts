import { Document, Element, Text } from 'domhandler';
import { INLINE, linkedSheet, noStylesheets, SKIP, UNSEEN, type BuildOptions } from './build-page.js';
import { attr } from './dom.js';
import { NormBuilder } from './normalize.js';
import type { Page, SheetSource, TextPiece, UnseenText } from './page.js';
import { MAX_DEPTH, PageTooDeepError } from './parse.js';
import { SourceElement } from './source-element.js';
import { TextParser, type ParserIndices, type TextHandler } from './text-parser.js';

/**
 * The page model without the document tree, for pages that only content rules read (issue 18).
 *
 * buildPage parses a page into a domhandler tree and then walks it; this module reads the same
 * parser's callbacks as they come and produces the same Page in that one pass: the same visible
 * text with the same map back to the source, the same pieces, unseen texts, stylesheets, title,
 * `<head>` and `<body>`. What it leaves out is the tree itself. Elements are kept (a text piece
 * needs its ancestors: code samples, buttons, footers, list items) but each `children` holds only
 * elements, no element knows its siblings, and text nodes exist only for visible text. The
 * engine uses it only where nothing reads more than that (engine/page-model.ts); the tests
 * compare it with buildPage on every page of the corpora and on the fuzzer's pages.
 *
 * Every choice below mirrors buildPage and domhandler's DomHandler, which builds the tree from
 * these same callbacks: text that arrives in several callbacks without another node between them
 * is one text node, indices are read from the parser when DomHandler reads them, and a close tag
 * ends the innermost open element whatever its name.
 *
 * The callbacks come from TextParser (text-parser.ts), which gives a handler what htmlparser2's
 * Parser gives it, minus attributes: a page on the text model reads the attributes of few
 * elements (the ancestors of a matched term, links and styles), so each element reads its own
 * from its start tag when first asked (SourceElement).
 */

/** How the walk in buildPage treats an element's children. */
const enum Mode {
  /** The main walk visits them: their text is visible. */
  Walk,
  /** walkHead visits them, breadth first: title, styles, scripts, links and comments count, text does not. */
  Head,
  /** Nothing visits them. */
  None,
}

/** What happens when an element closes. */
const enum Job {
  Nothing,
  /** Ends a block: words on either side must not run together. */
  Separate,
  /** The page's title (the first the walk meets). */
  Title,
  /** A `<style>` in document order. */
  Style,
  /** A script, `<noscript>` or `<template>` whose text is unseen. */
  Unseen,
  /** A walked `<head>`: what walkHead would have found, in its order. */
  Head,
  /** A title, style or script inside a walked `<head>`: its entry for the head's list. */
  HeadEntry,
}

/** Something walkHead finds, kept until its `<head>` closes so it can be put in walkHead's order. */
interface HeadItem {
  readonly depth: number;
  readonly seq: number;
  readonly kind: 'title' | 'sheet' | 'unseen';
  value: NonNullable<Page['title']> | SheetSource | UnseenText | null;
}

class Frame {
  /** Start of its first child and end of its last (rawInner). */
  firstChild = -1;
  lastChildEnd = -1;
  /** Its direct text children, merged as DomHandler merges them (a title's or style's text). */
  texts: { data: string; start: number }[] | null = null;
  /** Where its result goes: an index in `unseen` or `sheets`, or its head entry. */
  at = -1;
  entry: HeadItem | null = null;
  /** Job.Unseen: which kind of unseen text. */
  kind: UnseenText['kind'] = 'script';
  /** Job.Head: what walkHead finds in it. */
  items: HeadItem[] | null = null;

  constructor(
    readonly el: Element,
    /** How its children are treated. */
    readonly mode: Mode,
    /** Mode.Head: the walked `<head>` whose walk reaches its children, and their breadth-first depth there. */
    readonly head: Frame | null,
    readonly depth: number,
    readonly job: Job,
  ) {}
}

const RAW_INNER_MAX = 2_000_000;
/** The walk took this title; its text is read when it closes. */
const CHOSEN: NonNullable<Page['title']> = { text: '', span: { start: 0, end: 0 } };

class StreamBuilder implements TextHandler {
  readonly doc = new Document([]);
  readonly text: NormBuilder;
  readonly pieces: TextPiece[] = [];
  readonly unseen: (UnseenText | null)[] = [];
  readonly sheets: (SheetSource | null)[] = [];
  title: Page['title'] = null;
  body: Element | null = null;
  head: Element | null = null;
  hasScripts = false;

  // The document stands in for an element at the root: only its children and identity are used.
  private top = new Frame(this.doc as unknown as Element, Mode.Walk, null, 0, Job.Nothing);
  private readonly stack: Frame[] = [this.top];
  private seq = 0;
  private parser: ParserIndices = { startIndex: 0, endIndex: 0 };
  // Text not yet ended: DomHandler merges text callbacks that follow each other into one node.
  private pending = false;
  private pendingData = '';
  private pendingStart = 0;
  private pendingEnd = 0;

  constructor(private readonly source: string) {
    this.text = new NormBuilder(source.length >> 2);
  }

  /** Where the callbacks' indices are read (TextParser's, as DomHandler reads Parser's). */
  readFrom(parser: ParserIndices): void {
    this.parser = parser;
  }

  /** A direct child of the innermost open element spans [start, end]. */
  private child(start: number, end: number): void {
    const top = this.top;
    if (top.firstChild < 0) top.firstChild = start;
    top.lastChildEnd = end;
  }

  private endText(): void {
    if (!this.pending) return;
    this.pending = false;
    const data = this.pendingData;
    const start = this.pendingStart;
    this.pendingData = '';
    this.child(start, this.pendingEnd);
    const top = this.top;
    if (top.mode === Mode.Walk) {
      const text = this.text;
      const normStart = text.size;
      text.appendRaw(data, start, true);
      const normEnd = text.size;
      if (normEnd > normStart) {
        const node = new Text(data);
        node.parent = top.el;
        node.startIndex = start;
        node.endIndex = this.pendingEnd;
        this.pieces.push({ node, normStart, normEnd });
      }
    }
    if (top.texts) top.texts.push({ data, start });
  }

  ontext(data: string): void {
    if (!this.pending) {
      this.pending = true;
      this.pendingStart = this.parser.startIndex;
    }
    this.pendingData += data;
    this.pendingEnd = this.parser.endIndex;
  }

  onopentag(name: string): void {
    this.endText();
    const stack = this.stack;
    if (stack.length > MAX_DEPTH) throw new PageTooDeepError();
    const parent = this.top;
    const el = new SourceElement(name, this.source, this.parser.endIndex);
    el.startIndex = this.parser.startIndex;
    el.endIndex = this.parser.endIndex;
    el.parent = parent.el;
    parent.el.children.push(el);
    this.child(el.startIndex, el.endIndex);
    const frame = parent.mode === Mode.Walk ? this.walked(el, name) : parent.mode === Mode.Head ? this.inHead(el, name, parent) : new Frame(el, Mode.None, null, 0, Job.Nothing);
    stack.push(frame);
    this.top = frame;
  }

  /** An element the main walk of buildPage visits. */
  private walked(el: Element, name: string): Frame {
    if (name === 'title') {
      if (this.title !== null) return new Frame(el, Mode.None, null, 0, Job.Nothing);
      this.title = CHOSEN;
      const frame = new Frame(el, Mode.None, null, 0, Job.Title);
      frame.texts = [];
      return frame;
    }
    if (name === 'head' && this.head === null) this.head = el;
    if (name === 'body' && this.body === null) this.body = el;
    if (name === 'style') {
      const frame = new Frame(el, Mode.None, null, 0, Job.Style);
      frame.at = this.sheets.push(null) - 1;
      frame.texts = [];
      return frame;
    }
    if (name === 'link') {
      const link = linkedSheet(el);
      if (link) this.sheets.push(link);
    }
    const kind = UNSEEN.get(name);
    if (kind) {
      if (name === 'script') this.hasScripts = true;
      const frame = new Frame(el, Mode.None, null, 0, Job.Unseen);
      frame.kind = kind;
      frame.at = this.unseen.push(null) - 1;
      return frame;
    }
    if (SKIP.has(name)) {
      if (name !== 'head') return new Frame(el, Mode.None, null, 0, Job.Nothing);
      const frame = new Frame(el, Mode.Head, null, 1, Job.Head);
      frame.items = [];
      return frame;
    }
    if (name === 'br') {
      this.text.separate(el.startIndex!);
      return new Frame(el, Mode.None, null, 0, Job.Nothing);
    }
    if (INLINE.has(name)) return new Frame(el, Mode.Walk, null, 0, Job.Nothing);
    this.text.separate(el.startIndex!);
    return new Frame(el, Mode.Walk, null, 0, Job.Separate);
  }

  /** An element walkHead reaches, `parent.depth` levels into its `<head>`. */
  private inHead(el: Element, name: string, parent: Frame): Frame {
    const head = parent.head ?? parent;
    const depth = parent.depth;
    if (name === 'title' || name === 'style' || name === 'script') {
      if (name === 'script') this.hasScripts = true;
      const frame = new Frame(el, Mode.None, null, 0, Job.HeadEntry);
      frame.entry = this.item(head, depth, name === 'title' ? 'title' : name === 'style' ? 'sheet' : 'unseen');
      if (name !== 'script') frame.texts = [];
      return frame;
    }
    if (name === 'link') {
      const link = linkedSheet(el);
      if (link) this.item(head, depth, 'sheet').value = link;
      return new Frame(el, Mode.None, null, 0, Job.Nothing);
    }
    if (name === 'noscript') return new Frame(el, Mode.None, null, 0, Job.Nothing);
    return new Frame(el, Mode.Head, head, depth + 1, Job.Nothing);
  }

  private item(head: Frame, depth: number, kind: HeadItem['kind']): HeadItem {
    const item: HeadItem = { depth, seq: this.seq++, kind, value: null };
    head.items!.push(item);
    return item;
  }

  onclosetag(): void {
    this.endText();
    // DomHandler ends the innermost open element, whatever the name (the parser only asks for
    // names it opened; after an unterminated tag at the very end it may ask once more than it opened).
    const stack = this.stack;
    if (stack.length === 1) return;
    const frame = stack.pop()!;
    const top = stack[stack.length - 1]!;
    this.top = top;
    const el = frame.el;
    el.endIndex = this.parser.endIndex;
    // It is its parent's last child so far.
    top.lastChildEnd = el.endIndex;
    switch (frame.job) {
      case Job.Nothing:
        return;
      case Job.Separate:
        this.text.separate(el.endIndex + 1);
        return;
      case Job.Title:
        this.title = titleOf(frame);
        return;
      case Job.Style:
        this.sheets[frame.at] = styleSheet(frame);
        return;
      case Job.Unseen:
        this.unseen[frame.at] = unseenOf(frame, frame.kind, this.source);
        return;
      case Job.HeadEntry: {
        const item = frame.entry!;
        item.value = item.kind === 'title' ? titleOf(frame) : item.kind === 'sheet' ? styleSheet(frame) : unseenOf(frame, 'script', this.source);
        return;
      }
      case Job.Head: {
        // Breadth first, as walkHead reads the head: by depth, then in document order.
        const items = frame.items!.sort((a, b) => a.depth - b.depth || a.seq - b.seq);
        for (const item of items) {
          if (item.kind === 'title') this.title ??= item.value as NonNullable<Page['title']>;
          else if (item.kind === 'sheet') this.sheets.push(item.value as SheetSource);
          else this.unseen.push(item.value as UnseenText);
        }
      }
    }
  }

  oncomment(data: string): void {
    this.endText();
    const start = this.parser.startIndex;
    this.child(start, this.parser.endIndex);
    const top = this.top;
    if (top.mode === Mode.Walk) this.unseen.push({ kind: 'comment', raw: data, start: start + 4 });
    else if (top.mode === Mode.Head) this.item(top.head ?? top, top.depth, 'unseen').value = { kind: 'comment', raw: data, start: start + 4 };
  }

  oncommentend(): void {
    this.endText();
  }

  onprocessinginstruction(): void {
    this.endText();
    this.child(this.parser.startIndex, this.parser.endIndex);
  }

  onend(): void {
    this.endText();
  }
}

/** A Page for the content rules, built from parser callbacks without a document tree. */
export function streamPage(rel: string, source: string, options: BuildOptions = {}): Page {
  const b = new StreamBuilder(source);
  const parser = new TextParser(b, source);
  b.readFrom(parser);
  parser.run();
  return {
    rel,
    source,
    doc: b.doc,
    body: b.body,
    title: b.title,
    text: b.text.finish(source.length),
    pieces: b.pieces,
    unseen: b.unseen as UnseenText[],
    sheets: b.sheets as SheetSource[],
    loadStylesheet: options.loadStylesheet ?? noStylesheets,
    head: b.head,
    hasScripts: b.hasScripts,
    structure: 'elements',
  };
}

function titleOf(frame: Frame): NonNullable<Page['title']> {
  const b = new NormBuilder(64);
  for (const t of frame.texts!) b.appendRaw(t.data, t.start, true);
  const start = frame.el.startIndex!;
  return { text: b.finish().value.trim(), span: { start, end: (frame.el.endIndex ?? start) + 1 } };
}

function styleSheet(frame: Frame): SheetSource {
  let css = '';
  for (const t of frame.texts!) css += t.data;
  return { kind: 'style', text: css, media: attr(frame.el, 'media') ?? null, scripted: false };
}

function unseenOf(frame: Frame, kind: UnseenText['kind'], source: string): UnseenText {
  const raw = frame.firstChild < 0 || frame.lastChildEnd < 0 ? '' : source.slice(frame.firstChild, Math.min(frame.lastChildEnd + 1, frame.firstChild + RAW_INNER_MAX));
  return { kind, raw, start: frame.firstChild >= 0 ? frame.firstChild : frame.el.startIndex! };
}

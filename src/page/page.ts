import type { Document, Element, Text } from 'domhandler';
import type { NormText } from './normalize.js';
import type { Span } from '../model/index.js';

/** A text node that contributes to the visible text, and where its characters start in `NormText`. */
export interface TextPiece {
  readonly node: Text;
  readonly normStart: number;
  readonly normEnd: number;
}

/** Source text that a browser does not show: comments, scripts, `<noscript>`, `<template>`. */
export interface UnseenText {
  readonly kind: 'comment' | 'script' | 'noscript' | 'template';
  readonly raw: string;
  readonly start: number;
}

/** A `<style>` element or a `<link rel=stylesheet>`, with its `media` attribute. */
export type SheetSource =
  | { readonly kind: 'style'; readonly text: string; readonly media: string | null; readonly scripted: false }
  | {
      readonly kind: 'link';
      /** As written. */
      readonly href: string;
      readonly media: string | null;
      /** A script switches it on once loaded (`media="print" onload="this.media='all'"`, or a preload): it may apply. */
      readonly scripted: boolean;
    };

/**
 * Everything the rules read about one built HTML file. Built once per page by `buildPage`; the
 * DOM is dropped with the Page when the page is done.
 */
export interface Page {
  /** Path relative to the site root, with forward slashes. */
  readonly rel: string;
  readonly source: string;
  readonly doc: Document;
  readonly body: Element | null;
  readonly title: { readonly text: string; readonly span: Span } | null;
  /** Visible text of the document (outside `<head>`), normalised, with its map back to the source. */
  readonly text: NormText;
  readonly pieces: readonly TextPiece[];
  readonly unseen: readonly UnseenText[];
  /** `<style>` elements and stylesheet links, in document order (the cascade needs their order). */
  readonly sheets: readonly SheetSource[];
  /**
   * Reads a local stylesheet the page links, by its href as written; undefined for remote or
   * missing sheets. Injected by the caller so the page model does no I/O, and called only when a
   * rule asks whether a number is hidden.
   */
  readonly loadStylesheet: (href: string) => string | undefined;
  /** The `<head>` element, where a missing `<title>` belongs. */
  readonly head: Element | null;
  readonly hasScripts: boolean;
  /**
   * `elements`: built by streamPage without the document tree. Every element is there with its
   * parent and attributes, but `children` lists elements only, no node knows its siblings, and
   * text nodes exist only for the pieces. Absent: the full domhandler tree (buildPage).
   */
  readonly structure?: 'elements';
}

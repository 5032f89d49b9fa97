// @bramus/specificity ships types for its main entry only; its ./core entry takes a css-tree
// Selector node (ours, parsed once) instead of parsing the selector text a second time.
declare module '@bramus/specificity/core' {
  export function calculateForAST(selector: unknown): { readonly a: number; readonly b: number; readonly c: number };
}

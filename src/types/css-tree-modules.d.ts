// css-tree's modular entries (package.json "exports"); @types/css-tree describes the main entry
// only. src/page/css/csstree.ts gives them their types.
declare module 'css-tree/parser' {
  const parse: unknown;
  export default parse;
}
declare module 'css-tree/generator' {
  const generate: unknown;
  export default generate;
}
declare module 'css-tree/walker' {
  const walk: unknown;
  export default walk;
}
declare module 'css-tree/tokenizer' {
  export const tokenize: unknown;
  export const tokenTypes: unknown;
}

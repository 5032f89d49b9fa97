// The prebuilt ESM file of css-tree carries its syntax data inline; the package's main entry
// loads JSON through createRequire at run time, which a single-file bundle cannot provide.
declare module 'css-tree/dist/csstree.esm' {
  export * from 'css-tree';
}

import { ruleTester } from '../helpers/rule-tester.js';

const valid = [{ file: 'pages/common/correct.html' }, { file: 'pages/common/spaced-fullwidth.html' }];

ruleTester('icp-present', {
  valid: [...valid, { file: 'pages/icp-hidden/inline-style.html' }, { file: 'pages/icp-mismatch/moe.html' }],
  invalid: [
    { file: 'pages/icp-present/missing.html', errors: [{ messageId: 'missing', line: 9, column: 3 }] },
    { file: 'pages/icp-present/commented-out.html', errors: [{ messageId: 'only-comment', line: 11, column: 47 }] },
    { file: 'pages/icp-present/script-only.html', errors: [{ messageId: 'only-script', line: 12, column: 45 }] },
    { file: 'pages/icp-present/spa-shell.html', errors: [{ messageId: 'spa-shell', line: 10, column: 3 }] },
  ],
});

ruleTester('icp-mismatch', {
  valid: [
    ...valid,
    { file: 'pages/icp-mismatch/licence-and-filing.html' },
    // Guangdong accepts the entity number (DOMAIN.md decision table).
    { file: 'pages/icp-mismatch/entity-only-guangdong.html', site: { icp: '粤ICP备2023012345号-1' } },
    { file: 'pages/icp-present/missing.html' },
  ],
  invalid: [
    { file: 'pages/icp-mismatch/other-number.html', errors: [{ messageId: 'different', line: 10, column: 42 }] },
    { file: 'pages/icp-mismatch/other-site.html', errors: [{ messageId: 'different-site', line: 10, column: 42 }] },
    { file: 'pages/icp-mismatch/placeholder.html', errors: [{ messageId: 'placeholder', line: 10, column: 42 }] },
    { file: 'pages/icp-mismatch/app-suffix.html', errors: [{ messageId: 'app-suffix', line: 10, column: 42 }] },
    { file: 'pages/icp-mismatch/entity-only.html', errors: [{ messageId: 'entity-only', line: 10, column: 42, severity: 'warning' }] },
    { file: 'pages/icp-mismatch/moe.html', errors: [{ messageId: 'lookalike', line: 10, column: 53 }] },
  ],
});

ruleTester('icp-link', {
  valid: [
    ...valid,
    { file: 'pages/icp-link/entity-encoded-href.html' },
    { file: 'pages/icp-link/deep-link.html', site: { miitLink: 'host' } },
    // Issue 13: the match starts with the space inside the police link; its link is the next <a>.
    { file: 'pages/icp-link/after-police-link.html' },
    // No link holds the first character: the link around the rest of the number counts.
    { file: 'pages/icp-link/province-outside-link.html' },
  ],
  invalid: [
    { file: 'pages/icp-link/http-www.html', errors: [{ messageId: 'www', line: 10, column: 14 }] },
    { file: 'pages/icp-link/deep-link.html', errors: [{ messageId: 'path', line: 10, column: 14 }] },
    { file: 'pages/icp-link/plain-text.html', errors: [{ messageId: 'not-linked', line: 10, column: 12 }] },
    { file: 'pages/icp-link/onclick.html', errors: [{ messageId: 'scripted', line: 10, column: 60 }] },
    { file: 'pages/icp-link/lookalike.html', errors: [{ messageId: 'lookalike', line: 10, column: 14 }] },
  ],
});

// Footer region (issue 13): every valid page but last-block.html was "not in footer" before.
const placement = (name: string) => `pages/icp-placement/${name}.html`;
ruleTester('icp-placement', {
  valid: [
    ...valid,
    { file: placement('last-block') },
    // The company-site pattern: the bottom block, then an inline statistics script.
    { file: placement('dibu-trailing-script') },
    { file: placement('page-bottom-named') },
    { file: placement('after-footer-block') },
    { file: placement('after-thirty-scripts') },
    { file: placement('invisible-blocks-after') },
  ],
  invalid: [
    { file: placement('in-header'), errors: [{ messageId: 'not-in-footer', line: 10, column: 42 }] },
    { file: placement('content-after-number'), errors: [{ messageId: 'not-in-footer', line: 11, column: 61 }] },
  ],
});

// The cascade (issue 13): each valid page was reported as hidden by the old hiding-rule
// collector, each invalid cascade page was missed by it or named the wrong width.
const cascade = (name: string) => `pages/icp-hidden/cascade-${name}.html`;
ruleTester('icp-hidden', {
  valid: [
    ...valid,
    { file: 'pages/icp-hidden/hidden-copy-and-visible.html' },
    // A first-screen rule in <head> that the theme's linked stylesheet overrides.
    { file: cascade('linked-override') },
    { file: cascade('hidden-attribute-overridden') },
    { file: cascade('specificity') },
    { file: cascade('inline-beats-rule') },
    { file: cascade('print-only') },
    { file: cascade('font-size-reset') },
    { file: cascade('visibility-restored') },
    { file: cascade('layer') },
    // Rules behind conditions we cannot evaluate, or in a sheet we cannot read, may show it.
    { file: cascade('unknown-media') },
    { file: cascade('remote-sheet') },
  ],
  invalid: [
    { file: 'pages/icp-hidden/inline-style.html', errors: [{ messageId: 'hidden', line: 11, column: 44 }] },
    { file: 'pages/icp-hidden/stylesheet.html', errors: [{ messageId: 'hidden', line: 14, column: 62 }] },
    { file: 'pages/icp-hidden/hidden-attribute.html', errors: [{ messageId: 'hidden', line: 10, column: 42 }] },
    { file: cascade('important'), errors: [{ messageId: 'hidden', line: 15, column: 78 }] },
    { file: cascade('important-beats-inline'), errors: [{ messageId: 'hidden', line: 14, column: 102 }] },
    { file: cascade('mobile-only'), errors: [{ messageId: 'hidden-mobile', line: 16, column: 75, severity: 'warning' }] },
    { file: cascade('desktop-only'), errors: [{ messageId: 'hidden-desktop', line: 16, column: 75, severity: 'error' }] },
    { file: cascade('sr-only'), errors: [{ messageId: 'hidden', line: 14, column: 77 }] },
    { file: cascade('off-screen'), errors: [{ messageId: 'hidden', line: 14, column: 75 }] },
    { file: cascade('font-size-relative'), errors: [{ messageId: 'hidden', line: 15, column: 75 }] },
    { file: cascade('linked-hides'), errors: [{ messageId: 'hidden', line: 15, column: 75 }] },
  ],
});

// Police-number variants (issue 13): each was "no public-security number" before; now police-format says what is wrong.
const variant = (name: string) => `pages/police-format/variant-${name}.html`;
const VARIANTS = ['gongan-bei-hao', 'gongwangan-no-bei', 'no-hao', 'eleven-digits', 'thirteen-digits', 'spaced-province'].map((n) => ({ file: variant(n) }));

ruleTester('police-present', {
  valid: [...valid, { file: 'pages/police-link/not-linked.html' }, ...VARIANTS],
  invalid: [
    { file: 'pages/police-present/missing.html', errors: [{ messageId: 'missing', line: 9, column: 3 }] },
    { file: 'pages/police-present/missing.html', site: { police: undefined }, errors: [{ messageId: 'not-configured', line: 9, column: 3, severity: 'warning' }] },
    { file: 'pages/icp-present/spa-shell.html', errors: [{ messageId: 'spa-shell', line: 10, column: 3 }] },
  ],
});

ruleTester('police-mismatch', {
  valid: [...valid, { file: 'pages/police-present/missing.html' }],
  invalid: [{ file: 'pages/police-mismatch/other.html', errors: [{ messageId: 'different', line: 11, column: 78 }] }],
});

ruleTester('police-link', {
  valid: [...valid, { file: 'pages/police-present/missing.html' }],
  invalid: [
    { file: 'pages/police-link/legacy.html', errors: [{ messageId: 'legacy', line: 11, column: 14, severity: 'warning' }] },
    { file: 'pages/police-link/code-mismatch.html', errors: [{ messageId: 'code-mismatch', line: 11, column: 14 }] },
    { file: 'pages/police-link/not-linked.html', errors: [{ messageId: 'not-linked', line: 11, column: 11 }] },
  ],
});

ruleTester('police-format', {
  valid: [...valid, { file: 'pages/police-mismatch/other.html' }, { file: variant('spaced-province') }],
  invalid: [
    {
      file: variant('gongan-bei-hao'),
      site: { police: '京公网安备110105015321号' },
      errors: [
        { messageId: 'legacy-length', line: 11, column: 130, severity: 'warning' },
        { messageId: 'nonstandard', line: 11, column: 130, severity: 'warning' },
      ],
    },
    { file: variant('gongwangan-no-bei'), errors: [{ messageId: 'nonstandard', line: 11, column: 132, severity: 'warning' }] },
    { file: variant('no-hao'), errors: [{ messageId: 'no-hao', line: 11, column: 132, severity: 'warning' }] },
    { file: variant('eleven-digits'), errors: [{ messageId: 'digits', line: 11, column: 129, severity: 'error' }] },
    { file: variant('thirteen-digits'), errors: [{ messageId: 'legacy-length', line: 11, column: 131, severity: 'warning' }] },
    { file: 'pages/police-format/region-mismatch.html', errors: [{ messageId: 'region-mismatch', line: 11, column: 78 }] },
    {
      file: 'pages/police-format/legacy-length.html',
      site: { police: '京公网安备110105015321号' },
      errors: [{ messageId: 'legacy-length', line: 11, column: 76, severity: 'warning' }],
    },
  ],
});

ruleTester('title-site-name', {
  valid: [...valid, { file: 'pages/title-site-name/fullwidth-title.html' }, { file: 'pages/title-site-name/mismatch.html', site: { siteName: 'document' } }],
  invalid: [
    { file: 'pages/title-site-name/mismatch.html', errors: [{ messageId: 'mismatch', line: 5, column: 3 }] },
    { file: 'pages/title-site-name/no-title.html', errors: [{ messageId: 'missing', line: 3, column: 1 }] },
  ],
});

/**
 * What the differential tests of our tokenizer and parser layer (src/page/fast-tokenizer.ts,
 * src/page/text-parser.ts) run against htmlparser2's own: the fixture pages, markup written to
 * reach every corner of the tokenizer and parser, and generated tag soup made of every element
 * name the parser layer treats specially.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Every HTML file under fixtures/, sorted. */
export function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.html?$/i.test(f))
    .sort()
    .map((f) => path.join(FIXTURES, f));
}

/** Names with a rule of their own in the parser layer (implied closes, void, foreign content), some in capitals, and a few plain ones. */
const NAMES = [
  'p', 'h1', 'h6', 'div', 'ul', 'ol', 'li', 'table', 'tr', 'th', 'td', 'thead', 'tbody', 'tfoot', 'dl', 'dd', 'dt', 'rt', 'rp',
  'select', 'option', 'optgroup', 'input', 'button', 'textarea', 'datalist', 'output', 'form', 'body', 'head', 'link', 'script',
  'br', 'hr', 'img', 'wbr', 'meta', 'area', 'col', 'svg', 'math', 'mi', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title',
  'footer', 'section', 'pre', 'span', 'a', 'b', 'P', 'BR', 'SVG', 'Li', 'TD', 'style', 'xmp', 'custom-el',
];
const name = fc.constantFrom(...NAMES);
const attrs = fc.constantFrom('', ' class="x"', ' a=b', " c='d' e", ' /x', ' f=">"');

/** Tag soup: opening, self-closing and closing tags of those names with text, comments and stray brackets. */
export const tagSoup = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(name, attrs).map(([n, a]) => `<${n}${a}>`) },
      { weight: 2, arbitrary: fc.tuple(name, attrs).map(([n, a]) => `<${n}${a}/>`) },
      { weight: 4, arbitrary: name.map((n) => `</${n}>`) },
      { weight: 3, arbitrary: fc.constantFrom('text', ' ', '\n', '中文', '&amp;', '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '<!doctype html>', '<', '</', '>', '</ x>') },
    ),
    { maxLength: 50 },
  )
  .map((parts) => parts.join(''));

export const NASTY: readonly string[] = [
  '',
  'plain text only',
  '<',
  '</',
  '<>',
  '</>',
  '< p>text',
  '<div',
  '<div ',
  '<div class',
  '<div class=',
  '<div class="open',
  "<div class='open",
  '<div class=open',
  '<div class="a">unclosed <span>nested <b>deep',
  '<p>one<p>two<div>three</p>four',
  '</p>',
  '</br>',
  '</BR>',
  'a</p>b</br >c</ p>d',
  '</ x>after',
  '</-x>after',
  '</ >after',
  '<a title="x < y > z">t</a>',
  "<a title='it\"s'>t</a>",
  '<a href=/x/y?a=1&b=2>t</a>',
  '<a href=x/>t</a>',
  '<input disabled>',
  '<input disabled/>',
  '<input disabled =  "x"   readonly   >',
  '<img src = x alt= y title =z>',
  '<div a b c d=e f="g" h=\'i\' j>x</div>',
  '<div\tclass="a"\nid="b"\fdata-x="c"\rstyle="d">x</div>',
  '<div class="a"id="b">glued attributes</div>',
  '<div ==x =y>x</div>',
  '<div a=>x</div>',
  '<div a= >x</div>',
  '<div/a/b>x</div>',
  '<div / >x</div>',
  '<br/><br /><hr/>',
  '<!---->',
  '<!-->',
  '<!--->',
  '<!-- a -- b --->',
  '<!-- unclosed comment',
  '<!-- -- -->x',
  '<!DOCTYPE html><html><head></head><body></body></html>',
  '<!doctype html',
  '<!x>',
  '<!>',
  '<![CDATA[ <b>not a tag</b> ]]>after',
  '<![CDATA[ unclosed',
  '<![CDATA[x]]]]>',
  '<![CDAT>',
  '<?xml version="1.0"?><p>x</p>',
  '<?php echo "<b>" ?>after',
  '<? unclosed',
  '<script>if (a </scr b) {} </scrip </script >after',
  '<script>var s = "</script"; x</script>after',
  '<script><</script>x',
  '<SCRIPT>x</SCRIPT>y',
  '<ScRiPt type="a">x</sCrIpT>y',
  '<script>unclosed script',
  '<script src=x />after',
  '<style>a > b { color: red } </style>p',
  '<style>unclosed',
  '<title>a &amp; b <i>not</i></title>',
  '<title>unclosed',
  '<textarea><b>x</b></textarea>y',
  '<xmp><b>x</b></xmp>y',
  '<scriptx>a</scriptx>',
  '<stylez>a</stylez>',
  '<tx>a</tx><ti>b</ti>',
  '<DIV CLASS="A"><SPAN>X</SPAN></DIV>',
  '<Div><P>x</p></DIV>',
  '<svg><path d="M0"/><circle/><title>t</title><foreignObject><p/>x</foreignObject></svg><p/>after',
  '<math><mi>x</mi><mo/><annotation-xml><svg/></annotation-xml></math>',
  '<svg><desc><b/>x</desc></svg>',
  '<SVG><RECT/></SVG>',
  '</svg></math>text',
  '<ul><li>a<li>b</ul><dl><dt>a<dd>b<dt>c</dl>',
  '<table><tr><td>a<td>b<tr><th>c</table>',
  '<select><option>a<option>b<optgroup><option>c</select>',
  '<ruby>a<rt>b<rp>c</ruby>',
  '<table><thead><tr><td>a<tbody><tr><td>b<tfoot>c</table>',
  '<head><link rel=stylesheet href=a.css><script></script></head><body>x',
  '<p>x<input><button>y<textarea>z</textarea>',
  '<h1>a<p>b<h2>c</h1>',
  '<b><i>x</b></i>',
  '<a>&amp;&#x4eac;&#20140;&nbsp;&notanentity;&amp</a>',
  '<a href="&amp;&quot;&#x27;">x</a>',
  'text with & and &amp and &#; and &#x;',
  'NUL\0in text<p\0x a\0b="c\0d">\0</p\0>',
  'lone \uD800 surrogate <p title="\uDC00">\uD83D</p>',
  '中文<div class="页脚">京ICP备12345678号</div>',
  '<p>end inside a tag <a href="x"',
  '<p>end inside a closing tag </a',
  '<p>end inside an attribute name <a hre',
  '<p>end after = <a href=',
  '<p>end in unquoted <a href=x',
  '<p>end in entity &am',
  '<p title="end in entity &am',
  '<div>\n\n   \n</div>   <span>   </span>',
  '<a\n\n\nhref\n=\n"x"\n>x</a\n\n>',
  '<p>' + '<span>'.repeat(30) + 'deep' + '</span>'.repeat(30),
  '<br><br/><wbr><img><input><meta><link><hr><area><base><col><embed><source><track><param><keygen><command><frame><isindex><basefont>',
  '<p></br></p></br>',
  '<body><head><link><script></script></head></body>',
];

import { parseDocument } from 'htmlparser2';

// domhandler's node types, taken from htmlparser2's own signature (domhandler is its dependency, not ours).
export type ChildNode = ReturnType<typeof parseDocument>['children'][number];
export type Element = Extract<ChildNode, { readonly attribs: Record<string, string> }>;

/**
 * The DOM of an HTML text (htmlparser2: tolerant of the broken markup web pages are served with,
 * and it records where each node starts, so every block keeps its source line). Entities are left
 * as printed: the normalizers decode them in cells and text alike, as they do for text dumps.
 */

export interface HtmlSource {
  readonly nodes: readonly ChildNode[];
  /** 1-based source line of a character offset. */
  readonly lineAt: (offset: number | null) => number;
}

/**
 * A tag, end tag, `<!…` or `<?…` cut short by the next tag (`<A<script>`, `</<style>`): a parser
 * would swallow that next tag into the broken one and read what follows — an unclosed script's
 * code — as text. A tag still open at the end of the input is dropped too, as browsers do. A
 * quoted attribute value is skipped whole, so a `<` inside it is left alone, and so is a comment's
 * `<!--`; newlines stay, so lines keep their numbers.
 */
const CUT_SHORT =
  /<(?!!--)[A-Za-z!?/](?:[^<>"'=]|=\s*"[^"]*(?:"|$)|=\s*'[^']*(?:'|$)|=(?!\s*["'])|["']|<(?![A-Za-z!?/]))*(?=<[A-Za-z!?/]|$)/g;

/** The markup with every tag cut short dropped, so the tag after it opens as written. */
export function dropCutShortTags(text: string): string {
  return text.replace(CUT_SHORT, (fragment) => fragment.replace(/[^\n]/g, ''));
}

export function parseHtml(markup: string, firstLine = 1): HtmlSource {
  const text = dropCutShortTags(markup);
  const doc = parseDocument(text, {
    withStartIndices: true,
    withEndIndices: true,
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number | null): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    const at = offset ?? 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
  return { nodes: doc.children, lineAt };
}

/**
 * Elements whose content is never text of the page: code, styles, form controls and menus (a
 * year picker's `<option>2025</option>` is not an amount), embedded objects.
 */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'option',
  'button',
  'textarea',
  'input',
  'nav',
  'map',
  'meta',
  'link',
]);

/** What a reader never sees: hidden by the page (`display:none`, `hidden`) or not text at all. */
export function isUnseen(el: Element): boolean {
  if (NOT_TEXT.has(el.name)) return true;
  if (el.attribs.hidden !== undefined) return true;
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Emphasis kept in cell text: the extractors read a bold row as a total row. */
const KEPT_TAGS = new Set(['b', 'strong']);

/**
 * The printed text of nodes as one line: text as printed (entities kept), bold kept (`<b>`, `<strong>`),
 * every other tag a word break or nothing, unseen elements and comments dropped.
 */
export function inlineMarkup(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (isElement(node) && !isUnseen(node)) {
      const inner = inlineMarkup(node.children);
      if (KEPT_TAGS.has(node.name))
        out += inner.trim() === '' ? inner : `<${node.name}>${inner}</${node.name}>`;
      else if (BREAKS.has(node.name)) out += ` ${inner} `;
      else out += inner;
    }
  }
  return out.replace(/\s+/g, ' ');
}

/** Elements that start a new block of text (a paragraph, a heading, a list item, a line break). */
export const BREAKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);

// The paragraph walk of the Node.js peers (python_pipeline.py has the same
// one): text is gathered in document order; entering or leaving a block
// element ends the current paragraph, <br> is a line break, script, style,
// template and noscript give no text; white space runs collapse to one
// space and paragraphs are trimmed, empty ones dropped.  This is the walk a
// dataset script writes by hand — less than postparse does (no
// normalisation, no boilerplate classification, no spans).

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);
const SILENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

class Collector {
  constructor() { this.paragraphs = []; this.current = []; }
  text(s) { this.current.push(s); }
  end() {
    if (this.current.length === 0) return;
    const text = this.current.join('').replace(/[ \t\r\n\f]+/g, ' ').trim();
    this.current = [];
    if (text.length > 0) this.paragraphs.push(text);
  }
}

// htmlparser2 / domhandler nodes: type 'tag' | 'script' | 'style' | 'text' | ...
export function paragraphsOfHtmlparser2(root) {
  const out = new Collector();
  const visit = (node) => {
    if (node.type === 'text') return out.text(node.data);
    if (node.type !== 'tag' && node.type !== 'root') return; // comments, script, style, cdata
    const name = node.name;
    if (SILENT.has(name)) return;
    if (name === 'br') return out.text('\n');
    const block = BLOCKS.has(name);
    if (block) out.end();
    for (const child of node.children) visit(child);
    if (block) out.end();
  };
  visit(root);
  out.end();
  return out.paragraphs;
}

// parse5 tree adapter nodes: nodeName '#text' | '#comment' | tag name.
export function paragraphsOfParse5(root) {
  const out = new Collector();
  const visit = (node) => {
    if (node.nodeName === '#text') return out.text(node.value);
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') return;
    const name = node.tagName;
    if (name && SILENT.has(name)) return;
    if (name === 'br') return out.text('\n');
    const block = name !== undefined && BLOCKS.has(name);
    if (block) out.end();
    for (const child of node.childNodes || []) visit(child);
    if (block) out.end();
  };
  visit(root);
  out.end();
  return out.paragraphs;
}

/**
 * How a form's body flows over pages: a title never ends a page, and the signature block never starts a
 * page on its own. The body is a list of blocks; if a first layout leaves the signatures alone at the top
 * of a page, the form is laid out again with the end of the last block moved to that page.
 *
 * Where things landed is read in pdfmake's pageBreakBefore callback. pdfmake reports the true page of a
 * moved table row or unbreakable block only for text lines that carry an `id` (ElementWriter.addFragment),
 * so the lines we ask about get ids: the first and last row of each block, each title, the signatures.
 */
import type { Content, ContentTable, Margins, Node, NodeQueries, TableCell } from 'pdfmake/interfaces';

export const SIGNATURES_ID = 'signatures';

/** A titled table: `head` is repeated on every page it runs over; rows never break. */
export type TableBlock = {
  kind: 'table';
  title?: string;
  widths: Array<number | '*' | 'auto'>;
  head: TableCell[] | null;
  rows: TableCell[][];
  layout: ContentTable['layout'];
  fontSize: number;
  margin: Margins;
};
/** Anything else, kept whole; `content` puts the given id on one of its text lines. */
export type AtomBlock = { kind: 'atom'; content: (id: string) => Content };
export type Block = TableBlock | AtomBlock;

const TITLE_LEVEL = 1;
/** Rows of the last table that go with the signatures when they would be alone. */
const TAIL_ROWS = 2;
/** A table without a header row this short moves whole rather than being split. */
const SHORT_TABLE = 6;

const ids = (i: number) => ({ title: `b${i}-title`, first: `b${i}-first`, last: `b${i}-last` });

export function blockTitle(text: string, id?: string): Content {
  return { text, bold: true, fontSize: 10, margin: [0, 4, 0, 2], headlineLevel: TITLE_LEVEL, ...(id ? { id } : {}) };
}

/** A table cell that is a text line with an id (pdfmake allows `id` on text; its typings on few nodes). */
function withId(cell: TableCell, id: string): TableCell {
  if (typeof cell === 'string' || typeof cell === 'number') return { text: String(cell), id } as TableCell;
  return { ...(cell as object), id } as TableCell;
}

/** The table (and its title); `end` is the id on the first cell of its last row. */
function tableNodes(b: TableBlock, rows: TableCell[][], i: number, title: string | null, breakBefore: boolean): { out: Content[]; end: string } {
  const id = ids(i);
  const marked = rows.map((r, k) => (k === 0 || k === rows.length - 1 ? [withId(r[0]!, k === 0 ? id.first : id.last), ...r.slice(1)] : r));
  const out: Content[] = [];
  if (title) out.push(blockTitle(title, id.title));
  out.push({
    table: {
      headerRows: b.head ? 1 : 0,
      ...(b.head ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      // pdfmake consumes the nodes it lays out: a table split in two needs its own copy of the header row.
      widths: [...b.widths],
      body: b.head ? [structuredClone(b.head), ...marked] : marked,
    },
    layout: b.layout,
    fontSize: b.fontSize,
    margin: b.margin,
  });
  if (breakBefore) (out[0] as { pageBreak?: 'before' }).pageBreak = 'before';
  return { out, end: rows.length > 1 ? id.last : id.first };
}

export type Flow = { content: Content[]; bodyEndId: string | null };

/**
 * The blocks as pdfmake content. With `keepTail`, the last block starts a new page (taking the signatures
 * after it along): a long table gives its last rows (under its header row), anything else moves whole.
 */
export function flowBlocks(blocks: Block[], keepTail: boolean): Flow {
  const content: Content[] = [];
  let bodyEndId: string | null = null;
  let n = 0;
  const push = (t: { out: Content[]; end: string }) => {
    content.push(...t.out);
    bodyEndId = t.end;
  };
  blocks.forEach((b, i) => {
    const tail = keepTail && i === blocks.length - 1;
    if (b.kind === 'atom') {
      const c = b.content(ids(n).last);
      push({ out: [tail ? { stack: [c], pageBreak: 'before' } : c], end: ids(n++).last });
      return;
    }
    const splittable = b.rows.length > (b.head ? TAIL_ROWS : SHORT_TABLE);
    if (!tail || !splittable) {
      push(tableNodes(b, b.rows, n++, b.title ?? null, tail));
      return;
    }
    push(tableNodes(b, b.rows.slice(0, -TAIL_ROWS), n++, b.title ?? null, false));
    // A header row says what the columns are; a table without one gets its title again.
    push(tableNodes(b, b.rows.slice(-TAIL_ROWS), n++, b.head || !b.title ? null : `${b.title}（续）`, true));
  });
  return { content, bodyEndId };
}

/** Thrown from the layout when the signature block would start a page with nothing of the form above it. */
export class SignaturesAlone extends Error {
  constructor() {
    super('signature block alone on a page');
  }
}

/**
 * pdfmake's pageBreakBefore: a title goes to the next page when its first row does; signatures with no body
 * line above them on their page throw SignaturesAlone (the caller lays out again with `keepTail`).
 */
export function pageBreakBefore(flow: Flow, keepTail: boolean) {
  return (node: Node, q: NodeQueries): boolean => {
    if (node.headlineLevel === TITLE_LEVEL && node.id?.endsWith('-title')) {
      const first = node.id.replace(/-title$/, '-first');
      return !q.getFollowingNodesOnPage().some((n) => n.id === first);
    }
    if (node.id === SIGNATURES_ID && !keepTail && flow.bodyEndId && node.pageNumbers[0]! > 1) {
      if (!q.getPreviousNodesOnPage().some((n) => n.id === flow.bodyEndId)) throw new SignaturesAlone();
    }
    return false;
  };
}

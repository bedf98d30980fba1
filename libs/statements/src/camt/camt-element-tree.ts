import type { XmlTag } from '../xml/xml-scanner';
import type { CamtReader } from './camt-reader';

/**
 * Element tree: which elements we read, keyed by local name from the element above. Anything not
 * in the tree (and everything below it) is skipped without collecting text.
 *
 * Each part of the message builds its own subtree (camt-statement, camt-balances, camt-entry,
 * camt-transaction-details); camt.parser puts them together.
 */
export type Hook = (r: CamtReader, text: string, tag: XmlTag) => void;

export interface PathNode {
  readonly kids: Map<string, PathNode>;
  open: Hook | null;
  close: Hook | null;
  /** collect the element's own text for `close` */
  text: boolean;
}

export const newNode = (): PathNode => ({ kids: new Map(), open: null, close: null, text: false });

function at(base: PathNode, path: string): PathNode {
  let node = base;
  for (const name of path.split('/')) {
    let kid = node.kids.get(name);
    if (!kid) {
      kid = newNode();
      node.kids.set(name, kid);
    }
    node = kid;
  }
  return node;
}

/** read the text of the element at `path` */
export function leaf(base: PathNode, paths: string, hook: Hook): void {
  for (const path of paths.split('|')) {
    const node = at(base, path);
    node.close = hook;
    node.text = true;
  }
}

/** hang a shared subtree under `path` */
export function mount(base: PathNode, path: string, sub: PathNode): void {
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? base : at(base, path.slice(0, slash));
  parent.kids.set(slash < 0 ? path : path.slice(slash + 1), sub);
}

/** Acct/Id, DbtrAcct/Id, CdtrAcct/Id: IBAN, Othr/Id, and the .001.01 BBAN / PrtryAcct/Id */
export function accountIdTree(set: (r: CamtReader, id: string) => void): PathNode {
  const tree = newNode();
  leaf(tree, 'IBAN|Othr/Id|BBAN|PrtryAcct/Id', (r, text) => {
    const id = text.trim();
    if (id) set(r, id);
  });
  return tree;
}

/** FinInstnId: BIC (up to .001.02/.03), BICFI (.001.04+) */
export function bicTree(set: (r: CamtReader, bic: string) => void): PathNode {
  const tree = newNode();
  leaf(tree, 'FinInstnId/BIC|FinInstnId/BICFI', (r, text) => {
    const bic = text.trim();
    if (bic) set(r, bic);
  });
  return tree;
}

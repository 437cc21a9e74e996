import type { Processor } from 'unified';
import type { Node, Parent, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { fail } from '../messages.js';

export interface DepthLimitOptions {
  /** Deepest nesting accepted (the root is 0). @default 100 */
  maxDepth?: number;
}

/** The parser extensions this plugin added, so that a second use (on the HTML tree) adds none. */
const parserChecks = new WeakSet<object>();

/**
 * Refuse absurdly nested documents (10,000 `>` or list levels) before the recursive stages after
 * this one overflow the stack. The walk is iterative; the failure is a fatal message placed at the
 * first node too deep (or its nearest placed ancestor). Works on mdast and hast alike; used before
 * remark-gfm, it also checks inside the Markdown parser, ahead of GFM's own recursive transforms.
 */
export default function depthLimit(this: Processor, options: DepthLimitOptions = {}) {
  const maxDepth = options.maxDepth ?? 100;
  const data = this.data();
  if (!data.fromMarkdownExtensions?.some((extension) => parserChecks.has(extension))) {
    const extension = { transforms: [(tree: Node) => check(tree, maxDepth)] };
    parserChecks.add(extension);
    data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), extension];
  }
  return (tree: Node, file: VFile) => check(tree, maxDepth, file);
}

function check(tree: Node, maxDepth: number, file?: VFile): void {
  const stack: Array<[Node, number, Position | undefined]> = [[tree, 0, tree.position]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth, place] = entry;
    if (depth > maxDepth) {
      const reason = `nested more than ${maxDepth} levels deep (quotes, lists, emphasis or HTML elements): flatten it`;
      if (file) throw fail(file, reason, { place, rule: 'depth' });
      // Inside the parser, which has no file: the stage that runs it records the message (see runStages).
      const message = new VFileMessage(reason, { place, ruleId: 'depth', source: 'briefpress' });
      message.fatal = true;
      throw message;
    }
    for (const child of (node as Partial<Parent>).children ?? [])
      stack.push([child, depth + 1, child.position ?? place]);
  }
}

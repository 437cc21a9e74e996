import type { Root, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as textOf } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/**
 * Handle `remark-directive` syntax: `:::takeaways` marks the key points (moved out of the body
 * into `file.data.takeaways`, shown as the brief's "Key takeaways" box and as the summary's key
 * points; front matter `takeaways:` wins over it); any other directive is
 * given back as the text it was written as, so `Note:this` or `10:30:am` read as typed.
 */
export default function directives() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'containerDirective' && node.name === 'takeaways') {
        const points = takeaways(node);
        if (points.length === 0)
          warn(file, 'empty `:::takeaways` block: put the key points in it as a list', {
            place: node.position,
            rule: 'directive',
          });
        // Several blocks add up, in the order they are written.
        else file.data.takeaways = [...(file.data.takeaways ?? []), ...points];
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (node.type === 'containerDirective') {
          warn(file, `unknown directive \`:::${node.name}\` is shown as plain content`, {
            place: node.position,
            rule: 'directive',
          });
          parent.children.splice(index, 1, ...(node.children as never[]));
          return [SKIP, index];
        }
        const text: Text = {
          type: 'text',
          value: start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${node.name}`,
        };
        parent.children.splice(
          index,
          1,
          (node.type === 'leafDirective' ? { type: 'paragraph', children: [text] } : text) as never,
        );
        return [SKIP, index + 1];
      }
    });
  };
}

function takeaways(node: ContainerDirective): string[] {
  const list = node.children.find((child) => child.type === 'list');
  const blocks = list
    ? list.children
    : node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  return blocks.map((block) => textOf(block).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

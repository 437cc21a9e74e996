import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/**
 * Warn for an image a screen reader could say nothing of: `![](chart.png)`, or `<img>` without `alt`;
 * it is then printed as decoration. An image's alt text is its PDF figure's description (PDF/UA-1 7.3). An image that is only decoration
 * is written `<img alt="" src="…">`: it is printed as an artifact, which assistive technology skips.
 */
export default function altText() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      const place = node.position?.start;
      // Markdown has no way to say "decorative": an empty `![]` is an image left undescribed.
      const markdown = place?.offset !== undefined && source[place.offset] === '!';
      if (alt !== undefined && alt !== null && !(markdown && !String(alt).trim())) return;
      warn(
        file,
        `image ${String(node.properties.src ?? '').slice(0, 80)} has no alt text, so readers skip it as decoration: describe it, ![what it shows](…), or say it is decoration with <img alt="" src="…">`,
        { place, rule: 'alt-text' },
      );
      // PDF/UA allows no figure without a description: undescribed, the image is decoration.
      node.properties.alt = '';
    });
  };
}

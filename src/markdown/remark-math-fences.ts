import { math } from 'micromark-extension-math';
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';

// `$$` then text on the same line opens display math in Pandoc and KaTeX's docs (`$$p(x) =` … `…$$`), as
// JOSS papers write it; micromark's math fence would take it for a fence with a meta string and run to the
// end of the document when no line holds a lone `$$`. A fence is a line of `$$` alone; anything else is left
// to inline math, which reads `$$…$$` across lines.

const mathFlow = math().flow?.[36] as Construct;

const loneFence: Construct = { tokenize: tokenizeLoneFence, partial: true };

function tokenizeLoneFence(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let size = 0;
  const sequence: State = (code: Code) => {
    if (code === 36) {
      if (size === 0) effects.enter('mathFlowFenceSequence');
      size++;
      effects.consume(code);
      return sequence;
    }
    if (size < 2) return nok(code);
    effects.exit('mathFlowFenceSequence');
    return rest(code);
  };
  const rest: State = (code: Code) => {
    if (code === null || code === -5 || code === -4 || code === -3) return ok(code);
    if (code === -2 || code === -1 || code === 32) {
      effects.enter('whitespace');
      effects.consume(code);
      effects.exit('whitespace');
      return rest;
    }
    return nok(code);
  };
  return sequence;
}

const fenceAlone: Construct = {
  ...mathFlow,
  name: 'mathFlowAlone',
  tokenize(effects, ok, nok) {
    return effects.check(loneFence, mathFlow.tokenize.call(this, effects, ok, nok), nok);
  },
};

const extension: Extension = { disable: { null: ['mathFlow'] }, flow: { 36: fenceAlone } };

/** Display math fences only on a line of `$$` alone (see above); use after remark-math. */
export default function remarkMathFences(this: Processor) {
  const data = this.data();
  // biome-ignore lint/suspicious/noAssignInExpressions: unified's own idiom for adding a syntax extension.
  (data.micromarkExtensions ??= []).push(extension);
}

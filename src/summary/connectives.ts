// Openers that lean on the sentence before, in the scripts whose words `\b` cannot see: Chinese and
// Japanese put no spaces between words, and Korean, Arabic and Hebrew letters are not `\w`. The Latin
// languages' list is `leansBack` in filters.ts; these are its equivalents ("最後，你還需要確定一件事…",
// "그러면 최신 변경 사항 때문에…", "第二個問題你要問自己的是…").

/** Chinese (simplified and traditional) and Japanese: a prefix, as their words run on without a space. */
const cjk = [
  // but, however, so, therefore, also, moreover, then, next, finally, for example, meanwhile, in other words
  '但是|但|然而|不過|不过|因此|所以|此外|另外|而且|並且|并且|那麼|那么|然後|然后|接下來|接下来|其次|最後|最后|例如|比如|同時|同时|換句話說|换句话说|也就是說|也就是说',
  // this, these, that, it, they, among them; the second, the third
  '這|这|那些|那個|那个|它|他們|他们|她們|她们|其中|第二|第三|第四',
  'しかし|ただし|また|さらに|そのため|したがって|つまり|例えば|一方|次に|最後に|なお|これ|それ|この|その|あの',
].join('|');

/** Korean, Arabic, Hebrew: whole words (a word that goes on is another word: "이용" is not "이"). */
const spaced = [
  '그러나|하지만|그러면|그래서|따라서|또한|또|게다가|이러한|이런|그런|이것|그것|이들|이|그|예를 들어|마지막으로|즉|다음으로',
  'لكن|ولكن|لذلك|لذا|هذا|هذه|ذلك|تلك|هؤلاء|كذلك|أيضا|أيضًا|علاوة على ذلك|بالإضافة إلى ذلك|على سبيل المثال|ومع ذلك|كما',
  'אבל|אולם|לכן|לפיכך|זה|זו|זאת|אלה|גם|בנוסף|למשל',
].join('|');

const opener = new RegExp(`^(${cjk})|^(${spaced})(?![\\p{L}\\p{M}])`, 'u');

/**
 * "This guide …", "このガイドは…", "이 가이드는 …", "هذا الدليل …": a document naming itself needs no
 * sentence before it, in these languages as in the Latin ones.
 */
const selfReference = new RegExp(
  [
    '^(這|这)(份|篇|個|个|本)?(指南|文件|文檔|文档|文章|政策|報告|报告|備忘錄|备忘录|規範|规范|手冊|手册|策略|計劃|计划)',
    '^この(ガイド|文書|ドキュメント|記事|方針|ポリシー|報告書|レポート|指針|手引き)',
    '^이 (가이드|문서|정책|보고서|지침|글|안내서)',
    '^(هذا|هذه) (الدليل|المستند|الوثيقة|التقرير|السياسة|المدونة|الإطار|الميثاق)',
  ].join('|'),
  'u',
);

/** Whether `sentence` opens on a word that points back at the sentence before, in a script without `\b`. */
export function leansBackOtherScripts(sentence: string): boolean {
  return opener.test(sentence) && !selfReference.test(sentence);
}

/**
 * "Below are the practices …", "아래는 … 실천 사항들입니다", "以下是一些…": a sentence that hands over to
 * a list the bottom line does not hold.
 */
const forward =
  /^(below (are|is)|here (are|is) (some|a few|the)|the following|following (are|is)|as follows)(?![\p{L}])|^(아래는|아래와 같이|다음은|다음과 같은|以下是|以下為|以下为|下面是|如下|以下の|以下に|次の|次に示す|فيما يلي|في ما يلي|להלן)/iu;

/** Whether `sentence` hands over to what follows it. */
export function pointsForward(sentence: string): boolean {
  return forward.test(sentence);
}

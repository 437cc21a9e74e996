// Lines about how the page was made rather than what it says: who wrote it, and the blanks of the
// template it came from. Real documents carry both in every language ("이 가이드는 @nanzggits와
// @xcorail이 작성했으며…", "… عبر [INSERT CONTACT METHOD].").

/** A @handle (GitHub, Mastodon, X): not an address's "@" ("a@b.org"), nor a cross-reference ("@sec:x"). */
const handle = /(?<![\p{L}\p{N}_.@/])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?![\w@:/-])/u;

/** Words of credit in the languages briefs are written in; Latin ones whole words only. */
const latinCredit = [
  '(co-?)?(written|authored|created|compiled|edited|reviewed|translated|maintained|illustrated|drafted|contributed|prepared|curated) by',
  String.raw`thanks?( you)? to|thank you|special thanks|many thanks|credits?|acknowledg\p{L}*|contributions? (from|by)|contributors?|with (help|input|support) from`,
  String.raw`(geschrieben|verfasst|erstellt|übersetzt|überarbeitet|bearbeitet) von|dank(e)? an|beiträge von|mitwirkende\p{L}*`,
  '(écrit|rédigé|traduit|créé|relu|conçu)e?s? par|merci à|remerciements?|contributions? de|contribut(eur|rice)s?',
  '(escrit|redactad|traducid|cread|revisad|traduzid)[oa]s? por|(scritt|tradott|redatt)[oa] da|gracias a|agradecimientos?|agradecimentos?|obrigad[oa] a|grazie a|ringraziamenti|contribuciones de|colaboradores',
  String.raw`написан\p{L}*|автор\p{L}*|благодар\p{L}*|при участии`,
].join('|');
const credit = new RegExp(
  `(?<!\\p{L})(${latinCredit})(?!\\p{L})|작성|기여|감사|번역|撰写|撰寫|编写|編寫|作者|贡献|貢獻|感谢|感謝|致谢|致謝|鸣谢|鳴謝|翻译|翻譯|執筆|著者|貢献|翻訳|協力|كتب|بواسطة|شكر|مساهم|ترجم|נכתב|תודה|תרומ`,
  'iu',
);

/**
 * A credits line: it names people by @handle and says they wrote, translated, contributed to or are
 * thanked for the page. A @handle alone is not enough ("@wesleywiser thinks we are making progress").
 */
export function isCredits(sentence: string): boolean {
  return handle.test(sentence) && credit.test(sentence);
}

/** Words that ask the template's user to fill a blank in: "[INSERT CONTACT METHOD]", "[Your name]", "[Ihr Name]". */
const blankWords = String.raw`insert|add|enter|fill in|your|name of|todo|tbd|tbc|tba|fixme|xxx|placeholder|insér\p{L}*|insertar|inserir|inserire|einfügen|eintragen|ihre?[nmrs]?|votre|vos`;
/** Blanks named by their words, in any case. */
const namedBlank = new RegExp(
  [
    // A keyword first in square, angle or curly brackets: "[INSERT …]", "<your name>", "{your-project}".
    String.raw`[[<{]\s*(${blankWords})(?!\p{L})[^\]>}\n]*[\]>}]`,
    // A marker in round brackets too: "(TBD)", "(TODO: …)".
    String.raw`\(\s*(todo|tbd|tbc|tba|fixme|xxx)(?!\p{L})[^)\n]*\)`,
    // In scripts without capitals: "[在此插入联系方式]", "[연락처 입력]", "[أدخل …]".
    String.raw`\[[^\]\n]*(插入|填写|填寫|입력|挿入|記入|أدخل)[^\]\n]*\]`,
    // "TODO: …", "TBD." as a sentence of its own.
    String.raw`^(todo|tbd|fixme)(?!\p{L})`,
  ].join('|'),
  'iu',
);
/** Two or more capitalised words in brackets: "[CONTACT METHOD]", "<PROJECT NAME>", "[KONTAKTMÖGLICHKEIT EINFÜGEN]". */
const capitalBlank = /[[<{]\p{Lu}[\p{Lu}\p{N}'’.&/-]*(?:[ _]+\p{Lu}[\p{Lu}\p{N}'’.&/-]*)+[\]>}]/u;

/** A blank left from a template ("[INSERT CONTACT METHOD]", "<YOUR NAME>", "[TODO]", "(TBD)"): the text is not finished there. */
export function hasPlaceholder(sentence: string): boolean {
  return namedBlank.test(sentence) || capitalBlank.test(sentence);
}

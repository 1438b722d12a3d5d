// Variants of a written post, made the way people change their writing to
// dodge a filter or just type fast: text-speak, dropped apostrophes, stretched,
// masked or leetspeak letters, a filler word inside a phrase, an emoji. Both
// harmful and benign posts get variants, so the model learns that obfuscation
// itself says nothing, and what lies under it does.

const TEXT_SPEAK: Array<[RegExp, string]> = [
  [/\byou're\b|\byoure\b/gi, 'your'],
  [/\byou\b/gi, 'u'],
  [/\byour\b/gi, 'ur'],
  [/\bare\b/gi, 'r'],
  [/\bpeople\b/gi, 'ppl'],
  [/\bbecause\b/gi, 'cos'],
  [/\btomorrow\b/gi, 'tmrw'],
  [/\bplease\b/gi, 'pls'],
  [/\breally\b/gi, 'rly'],
  [/\bbefore\b/gi, 'b4'],
  [/\bgoing to\b/gi, 'gonna'],
  [/\bwant to\b/gi, 'wanna'],
  [/\bto be honest\b/gi, 'tbh'],
];
const FILLERS = ['literally', 'actually', 'fr', 'bloody', 'just', 'honestly', 'proper', 'fully', 'lowkey', 'so'];
const EMOJI = ['😂', '💀', '🙄', '😭', '🤣', '😤', '👀', '🤡'];
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5' };
const SHORT_WORDS = /^(the|and|you|are|for|but|not|was|his|her|she|him|they|them|this|that|with|have|just|what|when|your)$/i;

type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

/** Word positions in the text worth changing: letters only, four or more, not a grammar word. */
function contentWords(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[A-Za-z]{4,}/g)) {
    if (!SHORT_WORDS.test(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function changeWord(text: string, random: Random, change: (word: string) => string): string {
  const words = contentWords(text);
  if (words.length === 0) return text;
  const w = pick(words, random);
  return text.slice(0, w.start) + change(text.slice(w.start, w.end)) + text.slice(w.end);
}

const AUGMENTERS: Array<(text: string, random: Random) => string> = [
  // text-speak
  (text, random) => TEXT_SPEAK.reduce((t, [pattern, short]) => (random() < 0.7 ? t.replace(pattern, short) : t), text),
  // no apostrophes, all lower case
  (text) => text.replace(/['’]/g, '').toLowerCase(),
  // stretched letters in one to three words
  (text, random) => {
    let out = text;
    const times = 1 + Math.floor(random() * 3);
    for (let i = 0; i < times; i++) out = changeWord(out, random, (w) => w + w[w.length - 1].repeat(2 + Math.floor(random() * 4)));
    return out;
  },
  // a masked letter ("b*tch")
  (text, random) =>
    changeWord(text, random, (w) => {
      const vowels = [...w.slice(1, -1)].map((c, i) => (/[aeiou]/i.test(c) ? i + 1 : -1)).filter((i) => i > 0);
      const at = vowels.length > 0 ? pick(vowels, random) : 1;
      return `${w.slice(0, at)}*${w.slice(at + 1)}`;
    }),
  // leetspeak in one word
  (text, random) => changeWord(text, random, (w) => w.replace(/[aeios]/gi, (c) => (random() < 0.7 ? LEET[c.toLowerCase()] : c))),
  // a filler inside the sentence
  (text, random) => {
    const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
    if (spaces.length < 2) return text;
    const at = pick(spaces.slice(1), random);
    return `${text.slice(0, at)} ${pick(FILLERS, random)}${text.slice(at)}`;
  },
  // an emoji, or shouting
  (text, random) => (random() < 0.75 ? `${text} ${pick(EMOJI, random)}${random() < 0.5 ? pick(EMOJI, random) : ''}` : text.toUpperCase()),
];

/** One variant of a text, with one or two changes; the same random sequence gives the same variant. */
export function augment(text: string, random: Random): string {
  let out = pick(AUGMENTERS, random)(text, random);
  if (random() < 0.4) out = pick(AUGMENTERS, random)(out, random);
  return out;
}

// Revised Romanization of Korean, syllable by syllable, with the one sound change that matters most
// for readable address names: a final consonant carries over to a following ㅇ (국어 → gugeo).
// Small on purpose: it only makes a suggestion the instructor can change; it lives in the authoring
// chunk, never on a learner's first page.
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
// Final consonants before another consonant or at the end of a word.
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
// The same finals when the next syllable starts with a silent ㅇ: [what stays, what moves over].
const LIAISON: [string, string][] = [
  ['', ''],
  ['', 'g'],
  ['', 'kk'],
  ['k', 's'],
  ['', 'n'],
  ['n', 'j'],
  ['', 'n'],
  ['', 'd'],
  ['', 'r'],
  ['l', 'g'],
  ['l', 'm'],
  ['l', 'b'],
  ['l', 's'],
  ['l', 't'],
  ['l', 'p'],
  ['', 'r'],
  ['', 'm'],
  ['', 'b'],
  ['p', 's'],
  ['', 's'],
  ['', 'ss'],
  ['ng', ''],
  ['', 'j'],
  ['', 'ch'],
  ['', 'k'],
  ['', 't'],
  ['', 'p'],
  ['', ''],
];

const FIRST = 0xac00;
const LAST = 0xd7a3;

function parts(ch: string): [number, number, number] | null {
  const code = ch.charCodeAt(0);
  if (code < FIRST || code > LAST) return null;
  const n = code - FIRST;
  return [Math.floor(n / 588), Math.floor((n % 588) / 28), n % 28];
}

/** "인권의 기초" → "ingwonui gicho". Characters that are not Hangul syllables pass through unchanged. */
export function romanize(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: a Hangul syllable is one, and anything else passes through whole
  const chars = [...text.normalize('NFC')];
  let out = '';
  // What the next syllable's initial is written as, when this syllable's final changes it.
  let carry: string | null = null;
  chars.forEach((ch, i) => {
    const p = parts(ch);
    if (!p) {
      out += ch;
      carry = null;
      return;
    }
    const [l, v, t] = p;
    out += (carry ?? INITIALS[l]) + MEDIALS[v];
    carry = null;
    const next = chars[i + 1] ? parts(chars[i + 1]) : null;
    if (t === 0) return;
    if (next && next[0] === 11) {
      const [stay, move] = LIAISON[t];
      out += stay;
      carry = move;
    } else if (next && t === 8 && next[0] === 5) {
      out += 'l'; // ㄹ + ㄹ is written ll
      carry = 'l';
    } else {
      out += FINALS[t];
    }
  });
  return out;
}

// es-hangul has josa(), but it is an API dependency only and the learner's first page is within a few KiB
// of its budget; the object particle needs just the last syllable's final consonant, so it is written here.

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
// How each digit is read in Korean ends with a consonant (영, 일, 삼, 육, 칠, 팔) or not (이, 사, 오, 구).
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

/** Whether the word's last sound ends in a consonant, or null when that cannot be told (e.g. Latin letters). */
function endsInConsonant(word: string): boolean | null {
  const last = word.trim().at(-1);
  if (!last) return null;
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28 !== 0;
  if (last >= '0' && last <= '9') return DIGIT_HAS_FINAL[Number(last)] ?? null;
  return null;
}

/** The object particle for a word: 을 after a final consonant, 를 after a vowel, 을(를) when unknown. */
export function objectParticle(word: string): string {
  const final = endsInConsonant(word);
  return final === null ? '을(를)' : final ? '을' : '를';
}

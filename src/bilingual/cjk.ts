/** One Han (Chinese) character. */
export const hanChar = /\p{Script=Han}/u

/** Runs of Han characters, possibly joined by CJK punctuation inside the run. */
export const hanRun = /\p{Script=Han}+(?:[、，·]\p{Script=Han}+)*/gu

/** Whether a text holds at least one Han character. */
export function hasHan(text: string): boolean {
  return hanChar.test(text)
}

/** How many Han characters a text holds. */
export function countHan(text: string): number {
  let count = 0
  for (const _ of text.matchAll(/\p{Script=Han}/gu)) count++
  return count
}

/**
 * The share of Han characters among the letters of a text (Han, Latin and other letters; digits,
 * spaces and punctuation do not count). 0 for a text without letters.
 */
export function hanShare(text: string): number {
  let han = 0
  let letters = 0
  for (const match of text.matchAll(/\p{L}/gu)) {
    letters++
    if (hanChar.test(match[0])) han++
  }
  return letters === 0 ? 0 : han / letters
}

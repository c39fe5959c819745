import { join } from 'node:path'
import { packageRoot } from '../src/cli/version.js'
import { defineRule } from '../src/engine/define-rule.js'
import { type PackFile, readPackFolder } from '../src/packs/load.js'
import { packRules } from '../src/packs/rule.js'

/** The built-in calque pack: Vale-style substitution rules, one file per domain. */
export function calquePackDir(): string {
  return join(packageRoot(), 'rules', 'packs', 'Calques')
}

/**
 * The built-in calque pack's files, read as trusted (patterns compiled on first use); a broken
 * built-in pack is a bug, so it throws. The test suite reads the folder untrusted, fully checked.
 */
export function calquePack(): PackFile[] {
  const files = readPackFolder(calquePackDir(), { trusted: true })
  if (!files.ok) throw new Error(`built-in calque pack: ${files.error}`)
  return files.value
}

/** The pack's rules, sharing one literal scan, and its trigger: that scan, if every entry has literals. */
function calqueRules(files: readonly PackFile[]) {
  // The pack ships with mtclean: its entries run as native JS RegExps where they translate.
  return packRules(files, { trusted: true })
}

// A cheap trigger for the pack: every match of an entry contains one of the entry's required
// literals (src/packs/literals.ts), so a paragraph with none of them cannot match and is skipped.
// The trigger is the scan the rules use to pick entries, and the scan of a paragraph is kept.

/** A trigger matching any text that contains one of the pack's required literals, if every entry has some. */
export function packTrigger(files: readonly PackFile[]): RegExp | undefined {
  return calqueRules(files).trigger
}

const { rules: parts, trigger } = calqueRules(calquePack())

const minor = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to'])

/** `National Public Security Organs`: a Title Case match is most likely part of a name. */
function titleCase(text: string): boolean {
  const words = text.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w) && !minor.has(w.toLowerCase()))
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))
}

// Every file of rules/packs/Calques/ runs as one rule, `calque`; each entry's reason is in its
// message and each replacement is a suggestion. Title Case matches (names of bodies) are skipped.
export default defineRule({
  meta: {
    id: 'calque',
    category: 'wording',
    severity: 'warn',
    fixable: 'suggestion',
    description:
      'Literal translations of Chinese phrases (`the masses`, `combination boxing`): suggests idiomatic English',
    examples: [
      { bad: 'The clinic serves the masses.', fixed: 'The clinic serves the public.' },
      {
        bad: 'Public security organs solved 300 cases.',
        fixed: 'Police solved 300 cases.',
      },
      { bad: 'Sudden! A fire broke out downtown', fixed: 'Breaking: A fire broke out downtown' },
    ],
    good: ['The masses of the two stars differ.', 'Pilgrims attended two masses on Sunday.'],
  },
  ...(trigger ? { trigger } : {}),
  check(context) {
    const report = context.report
    context.report = (found) => {
      if (!titleCase(context.text.slice(found.start, found.end))) report(found)
    }
    try {
      for (const part of parts) part.check?.(context)
    } finally {
      context.report = report
    }
  },
})

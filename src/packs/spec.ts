import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml'
import { type Fixable, ruleCategories, type Severity } from '../engine/types.js'
import { err, ok, type Result } from '../result.js'
import { literalPrefilter } from './literals.js'
import {
  compilePattern,
  lazyPattern,
  type Pattern,
  type PatternSet,
  patternSet,
} from './pattern.js'

// A pack rule is one Vale-style YAML file. Keys (Vale's): extends (existence | substitution |
// repetition), message (%s placeholders), level (suggestion | warning | error), link, ignorecase,
// nonword, exceptions, tokens, swap (`a|b` alternatives, `$1` groups), capitalize, max, alpha,
// action ({name: replace|remove, params}). mtclean's own: fix (safe | suggestion | none),
// category, description, reasons (entry → one-line reason), examples (entry → [bad, good]).

/** The Vale check types mtclean runs. */
export const packKinds = ['existence', 'substitution', 'repetition'] as const

/** A Vale check type mtclean runs. */
export type PackKind = (typeof packKinds)[number]

/** Vale's levels and the severities they map to. */
export const packLevels: Readonly<Record<string, Severity>> = {
  suggestion: 'info',
  warning: 'warn',
  error: 'error',
}

/** Categories a pack rule may declare (`category:`); `wording` by default. */
export const packCategories = ruleCategories

const commonKeys = [
  'extends',
  'message',
  'level',
  'link',
  'description',
  'ignorecase',
  'nonword',
  'action',
  'fix',
  'category',
  'exceptions',
]
const kindKeys: Record<PackKind, string[]> = {
  existence: ['tokens', 'reasons', 'examples'],
  substitution: ['swap', 'capitalize', 'reasons', 'examples'],
  repetition: ['tokens', 'max', 'alpha'],
}
const placeholders: Record<PackKind, number> = { existence: 1, substitution: 2, repetition: 1 }

/** One pattern of a rule (a token, or a swap key) with what mtclean knows about it. */
export interface PackEntry {
  /** The pattern as written in the YAML. */
  source: string
  /** The pattern compiled on its own (to tell which entry matched and read its groups). */
  pattern: Pattern
  /** Replacements (`a|b` gives two); `$1`… refer to the entry's own groups. Empty for a token. */
  replacements: string[]
  /** One-line reason (`reasons:`), shown after the message. */
  reason?: string
  /** `examples:`: a line the entry flags and a correct line it leaves alone. */
  example?: { bad: string; good: string }
}

/** A validated pack rule file. */
export interface PackSpec {
  kind: PackKind
  message: string
  severity: Severity
  category: string
  fixable: Fixable
  /** What a fix does for existence rules: replace with `params`, or remove the match. */
  action?: { name: 'replace' | 'remove'; params: string[] }
  description?: string
  link?: string
  ignorecase: boolean
  nonword: boolean
  capitalize: boolean
  /** Repetition: how many repeats are allowed before flagging (Vale's `max`, default 0). */
  max: number
  /** Repetition: only letters count (Vale's `alpha`). */
  alpha: boolean
  entries: PackEntry[]
  /** Repetition: all tokens in one pattern, in YAML order (earlier ones win at the same start). */
  combined?: Pattern
  /**
   * Each entry with its word boundaries, as a set: the same matches, found faster (with a literal
   * prefilter when every entry has required literals).
   */
  set: PatternSet
  /** Patterns a whole match is checked against: a match of one is skipped. */
  exceptions: Pattern[]
  /** The exceptions as anchored native RegExps (trusted packs, when every one translates). */
  nativeExceptions?: readonly RegExp[]
}

type Fail = { ok: false; error: string }

/** How a pack is read. */
export interface PackReadOptions {
  /**
   * A built-in pack: its patterns are compiled only when first used and not checked for empty
   * matches (the test suite reads it untrusted, which checks all of that).
   */
  trusted?: boolean
}

/**
 * Parse and validate one Vale-style YAML rule.
 *
 * @param yamlText The file's text.
 * @param fileName Named in every error message.
 * @param options `trusted` only for the built-in packs.
 * @returns The validated rule, or one line naming the file, the key and what was expected.
 */
export function parsePackSpec(
  yamlText: string,
  fileName: string,
  options: PackReadOptions = {},
): Result<PackSpec> {
  // Trusted patterns compile on first use; others now, so a broken one is reported here.
  const compile = (source: string, ignoreCase: boolean): Result<Pattern> =>
    options.trusted ? ok(lazyPattern(source, ignoreCase)) : compilePattern(source, ignoreCase)
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const where = (node: Node | null | undefined) => {
    const offset = node?.range?.[0]
    return offset === undefined ? fileName : `${fileName}:${lineCounter.linePos(offset).line}`
  }
  const syntax = doc.errors[0]
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0])
    return err(`${fileName}:${line}:${col}: invalid YAML: ${syntax.message}`)
  }
  const root = doc.contents
  if (!isMap(root)) {
    return err(`${fileName}: expected a YAML map of rule keys (extends, message, level, …)`)
  }
  const keyNode = (key: string, map: Node | null = root) => {
    if (!isMap(map)) return undefined
    const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
    return pair?.key as Node | undefined
  }
  const fail = (key: string, expected: string, got?: unknown, node?: Node | null): Fail => {
    const location = where(node === undefined ? keyNode(key.split('.')[0]!) : node)
    const tail = got === undefined ? '' : `, got ${describe(got)}`
    return { ok: false, error: `${location}: ${key}: expected ${expected}${tail}` }
  }
  const value = doc.toJS({ mapAsMap: true }) as Map<unknown, unknown>
  const get = (key: string) => value.get(key)

  const kind = get('extends')
  if (kind === undefined)
    return fail('extends', `one of ${packKinds.join(', ')} (the key is required)`)
  if (typeof kind !== 'string' || !(packKinds as readonly string[]).includes(kind)) {
    return fail('extends', `one of ${packKinds.join(', ')}`, kind)
  }
  const packKind = kind as PackKind
  const allowed = [...commonKeys, ...kindKeys[packKind]]
  for (const key of value.keys()) {
    if (typeof key !== 'string' || !allowed.includes(key)) {
      const node = keyNode(String(key))
      return {
        ok: false,
        error: `${where(node)}: ${String(key)}: unknown key for extends: ${packKind} (expected one of ${allowed.join(', ')})`,
      }
    }
  }

  const message = get('message')
  if (typeof message !== 'string' || message.trim() === '') {
    return fail('message', 'a non-empty string (use %s for the match)', message)
  }
  const slots = message.replaceAll('%%', '').split('%s').length - 1
  if (slots > placeholders[packKind]) {
    return fail(
      'message',
      `at most ${placeholders[packKind]} %s placeholder(s) for extends: ${packKind}`,
      message,
    )
  }

  const level = get('level') ?? 'suggestion'
  if (typeof level !== 'string' || !(level in packLevels)) {
    return fail('level', 'one of suggestion, warning, error', level)
  }
  const flags: Record<string, boolean> = {}
  for (const key of ['ignorecase', 'nonword', 'capitalize', 'alpha']) {
    const flag = get(key) ?? false
    if (typeof flag !== 'boolean') return fail(key, 'true or false', flag)
    flags[key] = flag
  }
  const strings: Record<string, string | undefined> = {}
  for (const key of ['link', 'description']) {
    const text = get(key)
    if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) {
      return fail(key, 'a non-empty string', text)
    }
    strings[key] = text as string | undefined
  }
  const category = get('category') ?? 'wording'
  if (typeof category !== 'string' || !(packCategories as readonly string[]).includes(category)) {
    return fail('category', `one of ${packCategories.join(', ')}`, category)
  }
  const max = get('max') ?? 0
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) {
    return fail('max', 'a whole number ≥ 0', max)
  }

  const action = parseAction(get('action'), packKind, fail)
  if (!action.ok) return action
  const ignorecase = flags.ignorecase === true

  // Entries: swap keys or tokens, each compiled alone first so an error names the entry.
  const raw: { source: string; replacements: string[]; node: Node | undefined }[] = []
  if (packKind === 'substitution') {
    const swap = get('swap')
    if (swap === undefined) {
      return fail(
        'swap',
        'a map from found text (or an RE2 pattern) to its replacement (the key is required for extends: substitution)',
      )
    }
    if (!(swap instanceof Map) || swap.size === 0) {
      return fail('swap', 'a non-empty map from found text to its replacement', swap)
    }
    const swapNode = keyNode('swap') ? (root.get('swap', true) as Node) : undefined
    for (const [key, replacement] of swap) {
      const source = scalarText(key)
      const node = keyNode(String(key), swapNode ?? null)
      if (source === undefined || source === '') {
        return fail(`swap.${String(key)}`, 'a non-empty text or pattern as the key', key, node)
      }
      const text = scalarText(replacement)
      if (text === undefined) {
        return fail(
          `swap.${source}`,
          "a replacement string ('a|b' for alternatives)",
          replacement,
          node,
        )
      }
      raw.push({ source, replacements: text.split('|'), node })
    }
  } else {
    const tokens = get('tokens')
    if (tokens === undefined) {
      return fail(
        'tokens',
        `a list of phrases or RE2 patterns (the key is required for extends: ${packKind})`,
      )
    }
    if (!Array.isArray(tokens) || tokens.length === 0) {
      return fail('tokens', 'a non-empty list of phrases or RE2 patterns', tokens)
    }
    const tokensNode = root.get('tokens', true) as Node | undefined
    for (const [index, token] of tokens.entries()) {
      const source = scalarText(token)
      const node = isSeqNode(tokensNode) ? (tokensNode.items[index] as Node | undefined) : undefined
      if (source === undefined || source === '') {
        return fail(`tokens[${index}]`, 'a non-empty phrase or pattern', token, node)
      }
      raw.push({ source, replacements: [], node })
    }
  }

  const entries: PackEntry[] = []
  const located = (node: Node | undefined, label: string) => `${where(node)}: ${label}`
  for (const entry of raw) {
    const label = packKind === 'substitution' ? `swap.${entry.source}` : `tokens: '${entry.source}'`
    const pattern = compile(entry.source, ignorecase)
    if (!pattern.ok) return err(`${located(entry.node, label)}: ${pattern.error}`)
    if (!options.trusted && matchesEmpty(pattern.value)) {
      return err(
        `${located(entry.node, label)}: the pattern matches empty text; expected it to match at least one character`,
      )
    }
    entries.push({ source: entry.source, pattern: pattern.value, replacements: entry.replacements })
  }

  const known = new Map(entries.map((e) => [e.source, e]))
  const entryWord = packKind === 'substitution' ? 'a swap key' : 'a token'
  const reasons = get('reasons')
  if (reasons !== undefined) {
    if (!(reasons instanceof Map))
      return fail('reasons', `a map from ${entryWord} to a one-line reason`, reasons)
    for (const [key, reason] of reasons) {
      const entry = known.get(String(key))
      if (!entry) return fail(`reasons.${String(key)}`, `${entryWord} of this rule`, String(key))
      if (typeof reason !== 'string' || reason.trim() === '' || reason.includes('\n')) {
        return fail(`reasons.${String(key)}`, 'a one-line reason', reason)
      }
      entry.reason = reason.trim()
    }
  }
  const examples = get('examples')
  if (examples !== undefined) {
    if (!(examples instanceof Map)) {
      return fail(
        'examples',
        `a map from ${entryWord} to [a line it flags, a correct line it leaves alone]`,
        examples,
      )
    }
    for (const [key, pair] of examples) {
      const entry = known.get(String(key))
      if (!entry) return fail(`examples.${String(key)}`, `${entryWord} of this rule`, String(key))
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        !pair.every((p) => typeof p === 'string' && p !== '')
      ) {
        return fail(
          `examples.${String(key)}`,
          '[a line it flags, a correct line it leaves alone]',
          pair,
        )
      }
      entry.example = { bad: pair[0] as string, good: pair[1] as string }
    }
  }

  const exceptionList = get('exceptions') ?? []
  if (!Array.isArray(exceptionList))
    return fail('exceptions', 'a list of phrases or RE2 patterns', exceptionList)
  const exceptions: Pattern[] = []
  for (const [index, item] of exceptionList.entries()) {
    const source = scalarText(item)
    if (source === undefined || source === '')
      return fail(`exceptions[${index}]`, 'a non-empty phrase or pattern', item)
    const pattern = compile(source, ignorecase)
    if (!pattern.ok)
      return err(`${where(keyNode('exceptions'))}: exceptions[${index}]: ${pattern.error}`)
    exceptions.push(pattern.value)
  }

  const fixable = resolveFix(get('fix'), packKind, action.value, entries, fail)
  if (!fixable.ok) return fixable

  const wrap = (source: string) => (flags.nonword ? `(?:${source})` : `\\b(?:${source})\\b`)
  const bounded: Pattern[] = []
  for (const entry of entries) {
    const pattern = compile(wrap(entry.source), ignorecase)
    if (!pattern.ok) return err(`${fileName}: ${pattern.error}`)
    bounded.push(pattern.value)
  }

  const spec: PackSpec = {
    kind: packKind,
    message,
    severity: packLevels[level]!,
    category,
    fixable: fixable.value,
    ignorecase,
    nonword: flags.nonword === true,
    capitalize: flags.capitalize === true,
    max,
    alpha: flags.alpha === true,
    entries,
    set: patternSet(bounded, ignorecase, literalPrefilter(entries.map((e) => e.source))),
    exceptions,
  }
  if (packKind === 'repetition') {
    const tokens = entries.map((e) => `(?:${e.source})`).join('|')
    const combined = compile(wrap(tokens), ignorecase)
    if (!combined.ok) return err(`${fileName}: ${combined.error}`)
    spec.combined = combined.value
  }
  if (action.value) spec.action = action.value
  if (strings.description !== undefined) spec.description = strings.description
  if (strings.link !== undefined) spec.link = strings.link
  return ok(spec)
}

type Failer = (key: string, expected: string, got?: unknown) => Fail

function parseAction(
  action: unknown,
  kind: PackKind,
  fail: Failer,
): Result<PackSpec['action'] | undefined> {
  if (action === undefined) return ok(undefined)
  if (!(action instanceof Map))
    return fail('action', 'a map such as {name: replace} or {name: remove}', action)
  for (const key of action.keys()) {
    if (key !== 'name' && key !== 'params')
      return fail(`action.${String(key)}`, 'only name and params', String(key))
  }
  const name = action.get('name')
  const names =
    kind === 'existence'
      ? ['replace', 'remove']
      : kind === 'substitution'
        ? ['replace']
        : ['remove']
  if (typeof name !== 'string' || !names.includes(name)) {
    return fail(
      'action.name',
      `${names.join(' or ')} for extends: ${kind} (mtclean does not run other Vale actions)`,
      name,
    )
  }
  const params = action.get('params') ?? []
  if (!Array.isArray(params) || !params.every((p) => scalarText(p) !== undefined)) {
    return fail('action.params', 'a list of replacement strings', params)
  }
  if (kind === 'substitution' && params.length > 0) {
    return fail(
      'action.params',
      'no params for extends: substitution (the swap values are the replacements)',
      params,
    )
  }
  if (kind === 'existence' && name === 'replace' && params.length === 0) {
    return fail('action.params', 'at least one replacement for action replace', params)
  }
  return ok({ name: name as 'replace' | 'remove', params: params.map((p) => scalarText(p)!) })
}

function resolveFix(
  fix: unknown,
  kind: PackKind,
  action: PackSpec['action'] | undefined,
  entries: readonly PackEntry[],
  fail: Failer,
): Result<Fixable> {
  const canEdit = kind !== 'existence' || action !== undefined
  if (fix === undefined) return ok(canEdit ? 'suggestion' : false)
  if (fix !== 'safe' && fix !== 'suggestion' && fix !== 'none') {
    return fail('fix', 'one of safe, suggestion, none', fix)
  }
  if (fix === 'none') return ok(false)
  if (!canEdit) {
    return fail(
      'fix',
      `none for extends: existence without an action (add action: {name: remove} or {name: replace, params: [...]})`,
      fix,
    )
  }
  if (fix === 'safe') {
    const several = entries.find((e) => e.replacements.length > 1)
    if (several) {
      return fail(
        'fix',
        `suggestion: swap.${several.source} has ${several.replacements.length} alternatives and a safe fix needs exactly one`,
        fix,
      )
    }
    if (action && action.params.length > 1) {
      return fail(
        'fix',
        'suggestion: action.params has several replacements and a safe fix needs exactly one',
        fix,
      )
    }
  }
  return ok(fix)
}

function matchesEmpty(pattern: Pattern): boolean {
  return pattern.matcher('').matches()
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

function isSeqNode(node: Node | undefined): node is Node & { items: unknown[] } {
  return node !== undefined && Array.isArray((node as { items?: unknown }).items)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value instanceof Map) return 'a map'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string')
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`
  return String(value)
}

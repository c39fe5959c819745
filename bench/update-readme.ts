import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { allRules } from '../rules/index.js'
import { packageRoot } from '../src/cli/version.js'
import { spliceRuleTable } from '../src/rule-docs.js'

// `npm run docs`: regenerate the README's rule table from the rules' metadata.
const path = join(packageRoot(), 'README.md')
writeFileSync(path, spliceRuleTable(readFileSync(path, 'utf8'), allRules))

import { execFileSync } from 'node:child_process'
import { accessSync, chmodSync, constants, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'

/** Where the SARIF Multitool package is installed. */
export const multitoolDir = fileURLToPath(
  new URL('../node_modules/@microsoft/sarif-multitool-linux/', import.meta.url),
)
const multitool = join(multitoolDir, 'Sarif.Multitool')

/** A validator for the SARIF 2.1.0 JSON schema shipped with the Multitool. */
export function sarifSchemaValidator() {
  const schema = JSON.parse(readFileSync(join(multitoolDir, 'sarif-2.1.0.json'), 'utf8'))
  return new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: false,
    logger: false,
  }).compile(schema)
}

/** Run `Sarif.Multitool validate` (SARIF and GitHub rule kinds); return its errors and warnings. */
export function multitoolProblems(dir: string, file: string): string[] {
  try {
    accessSync(multitool, constants.X_OK)
  } catch {
    chmodSync(multitool, 0o755) // npm may skip the package's postinstall chmod
  }
  const out = join(dir, `${file}.validation.sarif`)
  execFileSync(
    multitool,
    ['validate', join(dir, file), '-o', out, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning'],
    {
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      stdio: 'pipe',
    },
  )
  const validation = JSON.parse(readFileSync(out, 'utf8'))
  return validation.runs[0].results
    .filter((r: { level?: string }) => (r.level ?? 'warning') !== 'note')
    .map(
      (r: { ruleId: string; message: { arguments?: string[] } }) =>
        `${r.ruleId}: ${(r.message.arguments ?? []).join(' | ')}`,
    )
}

// Bundle the built CLI (dist/src/cli/bin.js) and its worker thread entry into dist/cli/, so
// `mtclean` starts by loading a few files instead of some four hundred modules. The library
// entry (dist/src/index.js) stays unbundled. Run by `npm run build`, after tsc.
import { build } from 'esbuild'

await build({
  entryPoints: { bin: 'dist/src/cli/bin.js', worker: 'dist/src/parallel/worker.js' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Ink imports React's developer tools only when DEV=true; they are not installed.
  external: ['react-devtools-core'],
  // CommonJS dependencies (yaml, re2js…) call require().
  banner: {
    js: "import { createRequire as mtcleanCreateRequire } from 'node:module'; const require = mtcleanCreateRequire(import.meta.url);",
  },
  // Chunks sit next to worker.js: the pool finds it as `./worker.js` beside its own module.
  logLevel: 'warning',
})

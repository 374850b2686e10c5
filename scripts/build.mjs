// Bundles the CLI with esbuild: one graph for the entry, the commands and the help class, split into
// chunks so a command loads only what it imports; heavy libraries stay behind dynamic import().
import {build} from 'esbuild'
import {execFileSync} from 'node:child_process'
import {rmSync, writeFileSync} from 'node:fs'

rmSync('dist', {recursive: true, force: true})
const result = await build({
  entryPoints: {main: 'src/cli/main.ts', commands: 'commands/index.ts', help: 'src/cli/help.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // native or heavy packages load from node_modules, and only where a command needs them
  external: ['better-sqlite3', '@kubernetes/client-node', 'ink', 'react', 'react/jsx-runtime', 'typescript'],
  keepNames: true,
  // SKIFF_BUILD_READABLE=1 keeps names and layout, for reading CPU profiles (node --cpu-prof)
  minify: process.env['SKIFF_BUILD_READABLE'] !== '1',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // bundled CommonJS (oclif) calls require(); give ESM output one
  banner: {
    js: "import {createRequire as __skiffCreateRequire} from 'node:module'; const require = __skiffCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
})

// the manifest lets oclif list commands and flags (help, topics) without loading them
execFileSync(process.execPath, ['node_modules/oclif/bin/run.js', 'manifest'], {stdio: ['ignore', 'ignore', 'inherit']})
// which module went into which chunk, for looking into startup cost (`npx esbuild --analyze` reads it)
writeFileSync('dist/meta.json', JSON.stringify(result.metafile))

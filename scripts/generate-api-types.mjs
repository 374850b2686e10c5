// Writes src/embedded/admission/decode/api-types.ts: the Go types of the built-in kinds, as kube-apiserver decodes
// request bodies into them. OpenAPI (and @kubernetes/client-node's models) lose what decoding depends on: which
// strings are resource.Quantity (numbers are quantities too), the named types Go's errors print (v1.Protocol,
// v1.ResourceList), inline embedding and field order. They are read here from the Go sources of the release skiff
// emulates:
//
//   node scripts/generate-api-types.mjs <k8s.io/api> <k8s.io/apimachinery> <k8s.io/apiextensions-apiserver>
//
// each a checkout at the tag of Kubernetes v1.32 (v0.32.x). The root kinds are those of src/resources/builtin.ts.
import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const [apiDir, machineryDir, extensionsDir] = process.argv.slice(2)
if (!apiDir || !machineryDir || !extensionsDir) {
  console.error('usage: generate-api-types.mjs <k8s.io/api> <k8s.io/apimachinery> <k8s.io/apiextensions-apiserver>')
  process.exit(2)
}
const OUTPUT = 'src/embedded/admission/decode/api-types.ts'

// Types whose UnmarshalJSON decides what they accept: the checker knows each by name and does not look inside.
const UNMARSHALERS = new Set([
  'resource.Quantity',
  'intstr.IntOrString',
  'meta/v1.Time',
  'meta/v1.MicroTime',
  'meta/v1.FieldsV1',
  'runtime.RawExtension',
  'apiextensions/v1.JSON',
  'apiextensions/v1.JSONSchemaPropsOrBool',
  'apiextensions/v1.JSONSchemaPropsOrArray',
  'apiextensions/v1.JSONSchemaPropsOrStringArray',
])
// What the three JSONSchemaPropsOr* unmarshalers decode into
const EXTRA_STRUCTS = ['apiextensions/v1.JSONSchemaProps']
// Go's predeclared types that API fields use
const BUILTIN = new Set(['string', 'bool', 'byte', 'int', 'int32', 'int64', 'uint', 'uint32', 'uint64', 'float64'])

// import path → package key used in the table
const IMPORTS = new Map([
  ['k8s.io/apimachinery/pkg/apis/meta/v1', 'meta/v1'],
  ['k8s.io/apimachinery/pkg/api/resource', 'resource'],
  ['k8s.io/apimachinery/pkg/util/intstr', 'intstr'],
  ['k8s.io/apimachinery/pkg/runtime', 'runtime'],
  ['k8s.io/apimachinery/pkg/types', 'types'],
])

/** Go files of one package, without tests and generated code. */
function packageSources(dir) {
  return readdirSync(dir)
    .filter(
      (f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('zz_generated') && f !== 'generated.pb.go',
    )
    .map((f) => readFileSync(join(dir, f), 'utf8'))
}

function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"`])\/\/.*$/gm, '$1')
}

/** The package's declarations: structs (fields in order) and named non-struct types. */
function parsePackage(key, dir) {
  const structs = new Map()
  const named = new Map()
  for (const raw of packageSources(dir)) {
    const source = stripComments(raw)
    const aliases = new Map()
    for (const m of source.matchAll(/^\s*(\w+\s+)?"([^"]+)"\s*$/gm)) {
      const path = m[2]
      let pkg = IMPORTS.get(path)
      const api = /^k8s\.io\/api\/(\w+)\/(v\w+)$/.exec(path)
      if (api) pkg = `${api[1]}/${api[2]}`
      if (pkg === undefined) continue
      const alias = m[1]?.trim() ?? path.split('/').pop()
      aliases.set(alias, pkg)
    }
    const resolveName = (name) => {
      if (BUILTIN.has(name)) return name
      const dot = name.indexOf('.')
      if (dot < 0) return `${key}.${name}`
      const pkg = aliases.get(name.slice(0, dot))
      // a package outside the table (time.Duration): an error only if a root reaches it
      if (pkg === undefined) return `?${name}`
      return `${pkg}.${name.slice(dot + 1)}`
    }
    const resolve = (type) => {
      if (type.startsWith('*')) return `*${resolve(type.slice(1))}`
      if (type.startsWith('[]')) return `[]${resolve(type.slice(2))}`
      const map = /^map\[([^\]]+)\](.+)$/.exec(type)
      if (map) return `map[${resolve(map[1])}]${resolve(map[2])}`
      return resolveName(type)
    }
    for (const m of source.matchAll(/^type (\w+) struct \{([\s\S]*?)^\}/gm)) {
      const fields = []
      for (const line of m[2].split('\n')) {
        const field = /^\s*(?:(\w+)\s+)?([\w.*[\]]+)\s*(?:`([^`]*)`)?\s*$/.exec(line)
        if (!field) continue
        const [, goName, type, tags] = field
        // an untagged exported field is decoded under its Go name
        const json = /json:"([^"]*)"/.exec(tags ?? '')?.[1] ?? ''
        const [name = '', ...options] = json.split(',')
        if (name === '-') continue
        const embedded = goName === undefined
        if (!embedded && !/^[A-Z]/.test(goName)) continue
        if (embedded && name === '') fields.push({inline: resolve(type)})
        else fields.push({name: name === '' ? goName : name, type: resolve(type), options})
      }
      structs.set(`${key}.${m[1]}`, fields)
    }
    for (const m of source.matchAll(/^type (\w+) struct\s*\{\s*\}/gm)) structs.set(`${key}.${m[1]}`, [])
    for (const m of source.matchAll(/^type (\w+) (=\s*)?([\w.*[\]]+)\s*$/gm)) {
      if (m[3] === 'struct' || m[3] === 'interface') continue
      named.set(`${key}.${m[1]}`, resolve(m[3]))
    }
  }
  return {structs, named}
}

const structs = new Map()
const named = new Map()
function load(key, dir) {
  const parsed = parsePackage(key, dir)
  for (const [k, v] of parsed.structs) structs.set(k, v)
  for (const [k, v] of parsed.named) named.set(k, v)
}
for (const group of readdirSync(apiDir)) {
  let versions
  try {
    versions = readdirSync(join(apiDir, group)).filter((v) => /^v\d+((alpha|beta)\d+)?$/.test(v))
  } catch {
    continue
  }
  for (const version of versions) load(`${group}/${version}`, join(apiDir, group, version))
}
load('meta/v1', join(machineryDir, 'pkg/apis/meta/v1'))
load('types', join(machineryDir, 'pkg/types'))
load('apiextensions/v1', join(extensionsDir, 'pkg/apis/apiextensions/v1'))

// The root kinds, as src/resources/builtin.ts serves them, and autoscaling/v1 Scale (the scale subresource).
const builtin = readFileSync('src/resources/builtin.ts', 'utf8')
const roots = new Map([['autoscaling/v1/Scale', 'autoscaling/v1.Scale']])
for (const m of builtin.matchAll(/group: '([^']*)',\s*version: '([^']*)',\s*kind: '([^']*)'/g)) {
  const [, group, version, kind] = m
  const pkg = group === '' ? 'core' : group.split('.')[0]
  roots.set(`${group === '' ? '' : `${group}/`}${version}/${kind}`, `${pkg}/${version}.${kind}`)
}

// Every struct and named type the roots reach, with inline embedded structs spread in place (Go's field order).
const outStructs = new Map()
const outNamed = new Map()
const queue = [...roots.values(), ...EXTRA_STRUCTS]
function referenced(type) {
  const base = type.replace(/^[*[\]]+/, '')
  const map = /^map\[([^\]]+)\](.+)$/.exec(base)
  if (map) return [...referenced(map[1]), ...referenced(map[2])]
  return BUILTIN.has(base) ? [] : [base]
}
function flatten(key, seen = new Set()) {
  if (seen.has(key)) throw new Error(`inline cycle at ${key}`)
  seen.add(key)
  const fields = structs.get(key)
  if (!fields) throw new Error(`no struct ${key}`)
  return fields.flatMap((f) => (f.inline ? flatten(f.inline.replace(/^\*/, ''), seen) : [f]))
}
for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
  if (outStructs.has(name) || outNamed.has(name) || UNMARSHALERS.has(name)) continue
  if (structs.has(name)) {
    const fields = flatten(name)
    if (fields.some((f) => f.options.includes('string'))) throw new Error(`${name}: ,string fields are not handled`)
    outStructs.set(name, fields.map((f) => `${f.name}:${f.type}`).join(' '))
    for (const f of fields) queue.push(...referenced(f.type))
  } else if (named.has(name)) {
    outNamed.set(name, named.get(name))
    queue.push(...referenced(named.get(name)))
  } else {
    throw new Error(`cannot resolve ${name}`)
  }
}

const sorted = (map) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
const lines = [
  '// Generated by scripts/generate-api-types.mjs from k8s.io/api, k8s.io/apimachinery and',
  '// k8s.io/apiextensions-apiserver v0.32 (Kubernetes v1.32); do not edit. A struct is its JSON fields in Go',
  "// order, `name:type`, with inline embedded structs spread in place; types name packages as 'core/v1'.",
  '',
  '/** The Go struct of each root kind, by `group/version/Kind` (`v1/Pod`, `apps/v1/Deployment`). */',
  'export const API_ROOTS: Readonly<Record<string, string>> = {',
  ...sorted(roots).map(([k, v]) => `  '${k}': '${v}',`),
  '}',
  '',
  '/** The fields of each struct the roots reach. */',
  'export const API_STRUCTS: Readonly<Record<string, string>> = {',
  ...sorted(outStructs).map(([k, v]) => `  '${k}': '${v}',`),
  '}',
  '',
  '/** The underlying type of each named non-struct type the structs use (`type Protocol string`). */',
  'export const API_NAMED_TYPES: Readonly<Record<string, string>> = {',
  ...sorted(outNamed).map(([k, v]) => `  '${k}': '${v}',`),
  '}',
  '',
]
writeFileSync(OUTPUT, lines.join('\n'))
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', OUTPUT], {stdio: 'ignore'})
console.log(`${OUTPUT}: ${roots.size} roots, ${outStructs.size} structs, ${outNamed.size} named types`)

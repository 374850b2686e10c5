import {describe, expect, it} from 'vitest'
import {buildCommandTree, type ManifestCommand} from '../../../../src/cli/completion/command-tree.js'
import {complete} from '../../../../src/cli/completion/complete.js'
import {directiveName, formatCompletions} from '../../../../src/cli/completion/directive.js'
import type {CompletionSources} from '../../../../src/cli/completion/valid-args.js'

const GLOBAL = {helpGroup: 'GLOBAL'}
const globals: ManifestCommand['flags'] = {
  namespace: {name: 'namespace', char: 'n', type: 'option', description: 'the namespace', ...GLOBAL},
  context: {name: 'context', type: 'option', description: 'the context', ...GLOBAL},
}

const COMMANDS: Record<string, ManifestCommand> = {
  get: {
    id: 'get',
    summary: 'Display one or many resources',
    flags: {
      ...globals,
      output: {name: 'output', char: 'o', type: 'option', description: 'Output format. One of: (json, yaml, wide).'},
      watch: {name: 'watch', char: 'w', type: 'boolean', description: 'watch'},
    },
  },
  scale: {
    id: 'scale',
    summary: 'Set a new size',
    flags: {...globals, replicas: {name: 'replicas', type: 'option', required: true, description: 'Required.'}},
  },
  'config:use-context': {id: 'config:use-context', summary: 'Set the current-context', flags: globals},
  'create:deployment': {
    id: 'create:deployment',
    summary: 'Create a deployment',
    aliases: ['create:deploy'],
    flags: globals,
  },
}

// sources that record what they were asked
function sources(): CompletionSources & {asked: string[]} {
  const asked: string[] = []
  return {
    asked,
    resourceTypes: async (word) => ['deployments.apps', 'pods'].filter((t) => t.startsWith(word)),
    resourceNames: async (type, prefix) => {
      asked.push(type)
      return ['web-1', 'web-2', 'db-1'].filter((n) => n.startsWith(prefix))
    },
    contexts: async () => ['prod', 'dev'],
    clusters: async () => [],
    users: async () => [],
    embeddedClusters: async () => [],
  }
}

const tree = buildCommandTree('skiff', COMMANDS)

describe("cobra's __complete for skiff's commands", () => {
  it('lists the commands and topics at the root, sorted, with summaries', async () => {
    expect(await complete(tree, [''], sources())).toEqual({
      completions: [
        'config\tModify kubeconfig files',
        'create\t',
        'get\tDisplay one or many resources',
        'scale\tSet a new size',
      ],
      directive: 4,
    })
  })

  it('finds a command past the global flags before it and through aliases', async () => {
    const s = sources()
    expect((await complete(tree, ['-n', 'shop', 'get', 'pods', 'we'], s)).completions).toEqual(['web-1', 'web-2'])
    expect(s.asked).toEqual(['pods'])
    expect((await complete(tree, ['create', 'dep'], s)).completions).toEqual(['deployment\tCreate a deployment'])
  })

  it('completes a flag value given as the next word or after =, and no more after a boolean', async () => {
    expect(await complete(tree, ['get', '-o', 'j'], sources())).toEqual({completions: ['json'], directive: 4})
    expect(await complete(tree, ['get', '--output=w'], sources())).toEqual({completions: ['wide'], directive: 4})
    expect((await complete(tree, ['get', '--context', ''], sources())).completions).toEqual(['prod', 'dev'])
    expect((await complete(tree, ['get', '-w', 'p'], sources())).completions).toEqual(['pods'])
  })

  it('offers the required flags first, and the others global first, leaving out the ones given', async () => {
    expect((await complete(tree, ['scale', ''], sources())).completions).toEqual([
      '--replicas\tRequired.',
      'deployment',
      'replicaset',
      'replicationcontroller',
      'statefulset',
    ])
    expect((await complete(tree, ['scale', '--replicas', '2', '-'], sources())).completions).toEqual([
      '--context\tthe context',
      '--namespace\tthe namespace',
      '-n\tthe namespace',
    ])
    expect((await complete(tree, ['get', '-o', 'json', '--'], sources())).completions).toEqual([
      '--context\tthe context',
      '--namespace\tthe namespace',
      '--watch\twatch',
    ])
  })

  it('completes TYPE/NAME and leaves out the names already given', async () => {
    expect((await complete(tree, ['get', 'pods/w'], sources())).completions).toEqual(['pods/web-1', 'pods/web-2'])
    expect(await complete(tree, ['get', 'pods/web-1', ''], sources())).toEqual({
      completions: ['deployments.apps/', 'pods/'],
      directive: 6,
    })
    expect((await complete(tree, ['get', 'pods', 'web-1', 'w'], sources())).completions).toEqual(['web-2'])
  })

  it('prints as cobra prints: first line of a description, :directive, and the directive named on stderr', () => {
    expect(formatCompletions(['a\tfirst\nsecond', 'b\t'], 6, {descriptions: true})).toEqual({
      stdout: 'a\tfirst\nb\n:6\n',
      stderr: 'Completion ended with directive: ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp\n',
    })
    expect(formatCompletions(['a\tfirst'], 0, {descriptions: false}).stdout).toBe('a\n:0\n')
    expect(directiveName(0)).toBe('ShellCompDirectiveDefault')
  })
})

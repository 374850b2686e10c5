import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import type {PodRecord} from '../../../../src/embedded/kubelet/pod-record.js'
import type {KubeletPod} from '../../../../src/embedded/kubelet/pod-spec.js'
import {syncPod, type PodWorkerResult} from '../../../../src/embedded/kubelet/pod-worker.js'
import {CONTAINER_RULES, POD_RULES} from '../../../../src/embedded/kubelet/stage-table.js'

/**
 * Golden input/output pairs of the kubelet's stage tables (kwok's testdata idea): each file under
 * testdata/stages holds a pod, the kubelet's record of it and a moment, and what one sync up to that moment
 * makes of them. `UPDATE_GOLDEN=1` rewrites the outputs, to be read in the diff before committing.
 */

const HERE = dirname(fileURLToPath(import.meta.url))
const PAIRS = join(HERE, 'testdata', 'stages')
const HOST_IP = '172.18.0.3'
const ADDRESS_RANGE = '10.244.1.1-10.244.1.254'

interface GoldenInput {
  nowMs: number
  pod: Pick<KubeletPod, 'metadata' | 'spec'>
  record: PodRecord
  node: {bootMs: number; lastPowerOffMs?: number; images: string[]; addresses?: string[]}
}

interface GoldenOutput {
  record: PodRecord
  /** `<ms> <type> <reason> <fieldPath or pod>: <message>` */
  events: string[]
  pulledImages: string[]
  readiness: Record<string, boolean>
  wakeMs: number | null
}

interface GoldenPair {
  description: string
  input: GoldenInput
  output?: GoldenOutput
}

function run(input: GoldenInput): GoldenOutput {
  const addresses = [...(input.node.addresses ?? [])]
  const result: PodWorkerResult = syncPod({
    pod: {apiVersion: 'v1', kind: 'Pod', ...input.pod},
    record: input.record,
    nowMs: input.nowMs,
    node: {
      bootMs: input.node.bootMs,
      ...(input.node.lastPowerOffMs === undefined ? {} : {lastPowerOffMs: input.node.lastPowerOffMs}),
      addressRange: ADDRESS_RANGE,
      hostIP: HOST_IP,
      images: new Set(input.node.images),
    },
    allocateAddress: () => addresses.shift(),
  })
  return {
    record: result.record,
    events: result.events.map(
      ({event, atMs, fieldPath}) => `${atMs} ${event.type} ${event.reason} ${fieldPath ?? 'pod'}: ${event.message}`,
    ),
    pulledImages: result.pulledImages,
    readiness: Object.fromEntries(result.readiness),
    wakeMs: result.wakeMs ?? null,
  }
}

describe('the kubelet stage tables, as golden input/output pairs', () => {
  const files = readdirSync(PAIRS)
    .filter((name) => name.endsWith('.yaml'))
    .sort()

  it('has pairs to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  for (const file of files) {
    const path = join(PAIRS, file)
    const pair = parse(readFileSync(path, 'utf8')) as GoldenPair
    it(`${file}: ${pair.description}`, async () => {
      const output = run(pair.input)
      if (process.env['UPDATE_GOLDEN'] === '1') {
        // written as the repository's formatter would, so an update leaves nothing for prettier --check
        const prettier = await import('prettier')
        const text = stringify({...pair, output}, {lineWidth: 0})
        const options = (await prettier.resolveConfig(path)) ?? {}
        writeFileSync(path, await prettier.format(text, {...options, filepath: path}))
        return
      }
      expect(output).toEqual(pair.output)
    })
  }
})

describe('the stage tables themselves', () => {
  it('leave every stage a container can rest in only by a rule, and reach every stage they name', () => {
    const containerStages = new Set(CONTAINER_RULES.flatMap((rule) => [rule.from, rule.to]))
    for (const stage of containerStages) {
      if (stage === 'exited') continue
      expect(
        CONTAINER_RULES.some((rule) => rule.from === stage),
        stage,
      ).toBe(true)
    }
    const podStages = new Set(POD_RULES.flatMap((rule) => [rule.from, rule.to]))
    expect([...podStages].sort()).toEqual(['gone', 'running', 'sandbox', 'sandbox-failed', 'terminating'])
  })

  it('end every decision stage with a rule that always applies, so a decision is always taken', () => {
    for (const stage of ['image-check', 'stopped'] as const) {
      const rules = CONTAINER_RULES.filter((rule) => rule.from === stage)
      expect(rules.every((rule) => rule.on === 'at-once')).toBe(true)
      expect(rules.at(-1)?.when).toBeUndefined()
    }
  })
})

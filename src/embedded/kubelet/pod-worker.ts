import {containerTimeline} from './container-runtime/program.js'
import type {Timeline} from './container-runtime/timeline.js'
import {ContainerStages} from './container-stages.js'
import {takeEventToken} from './event-budget.js'
import {nextEventAllowedMs} from './event-budget.js'
import type {ContainerRecord, PodRecord} from './pod-record.js'
import {containerEnv, podContainers, type ContainerSpec, type KubeletPod} from './pod-spec.js'
import {containerTurns, PodStages, sandboxReadyAt, type NodeSituation} from './pod-stages.js'
import {probeFailureMessage, probeOracle, walkProbes, type ProbeRun, type ProbeType} from './probes.js'
import {fireRule, nextRule, type StageEvent} from './stage-machine.js'
import {CONTAINER_RULES, POD_RULES} from './stage-table.js'
import {containerFieldPath, formatPod} from './wording.js'

/**
 * One sync of one pod by its kubelet (pod_workers.go, as a pure function): walks the pod table, the container
 * table and the probe workers in time order up to 'now', and says when something next happens. It reads and
 * writes nothing but its input and output, so it can be tested as golden input/output pairs.
 */

/** An event the kubelet recorded, at the moment it happened. */
export interface KubeletEvent {
  event: StageEvent
  atMs: number
  /** 'spec.containers{app}' for container events; none for the pod's own */
  fieldPath?: string
}

/** Everything one sync reads. */
export interface PodWorkerInput {
  pod: KubeletPod
  record: PodRecord
  nowMs: number
  node: NodeSituation & {hostIP: string; images: ReadonlySet<string>}
  /** host-local IPAM for this pod: its address, undefined when the range is full */
  allocateAddress(): string | undefined
}

/** Everything one sync decided. */
export interface PodWorkerResult {
  record: PodRecord
  events: KubeletEvent[]
  /** images now on the node that were not before (normalised references) */
  pulledImages: string[]
  /** whether each app container is ready now */
  readiness: Map<string, boolean>
  /** when to sync again; undefined: nothing will happen by itself */
  wakeMs?: number
}

// kubelet's default terminationGracePeriodSeconds (v1.32)
const DEFAULT_GRACE_SECONDS = 30
// steps one sync may take before it yields (a runaway table would otherwise spin)
const MAX_STEPS = 10_000
const PROBE_TYPES: readonly ProbeType[] = ['Liveness', 'Readiness']

/** The record of a pod the kubelet has just been given: a sandbox being created, every container waiting. */
export function newPodRecord(
  pod: KubeletPod,
  options: {nowMs: number; node: string; bootMs: number; podIP: string | undefined},
): PodRecord {
  const containers: Record<string, ContainerRecord> = {}
  for (const {spec} of podContainers(pod))
    containers[spec.name] = {stage: 'waiting', sinceMs: options.nowMs, restartCount: 0}
  return {
    stage: 'sandbox',
    sinceMs: options.nowMs,
    node: options.node,
    startMs: options.nowMs,
    sandboxReadyMs: sandboxReadyAt(pod.metadata.uid ?? '', options.nowMs),
    podIP: options.podIP ?? '',
    containers,
    imageBackoff: {},
    bootMs: options.bootMs,
  }
}

/** Walks a pod up to input.nowMs. */
export function syncPod(input: PodWorkerInput): PodWorkerResult {
  return new PodWorker(input).run()
}

interface Step {
  atMs: number
  fire(): void
}

class PodWorker {
  private readonly record: PodRecord
  private readonly events: KubeletEvent[] = []
  private readonly images: Set<string>
  private readonly pulledImages: string[] = []
  private readonly timelines = new Map<string, Timeline>()
  private readonly podStages: PodStages

  constructor(private readonly input: PodWorkerInput) {
    const {pod, nowMs} = input
    this.record = structuredClone(input.record)
    this.images = new Set(input.node.images)
    if (pod.metadata.deletionTimestamp !== undefined) this.record.deletionSeenMs ??= nowMs
    for (const {spec} of podContainers(pod))
      this.record.containers[spec.name] ??= {stage: 'waiting', sinceMs: this.record.sinceMs, restartCount: 0}
    this.podStages = new PodStages(this.record, {
      pod,
      node: input.node,
      allocateAddress: input.allocateAddress,
      emit: (event, atMs) => this.emit(event, atMs, undefined),
    })
  }

  run(): PodWorkerResult {
    let wakeMs: number | undefined
    for (let taken = 0; ; taken++) {
      const step = this.nextStep()
      if (step === undefined) break
      if (step.atMs > this.input.nowMs || taken >= MAX_STEPS) {
        wakeMs = Math.max(step.atMs, this.input.nowMs)
        break
      }
      step.fire()
    }
    const result: PodWorkerResult = {
      record: this.record,
      events: this.events,
      pulledImages: this.pulledImages,
      readiness: this.readiness(),
    }
    if (wakeMs !== undefined) result.wakeMs = wakeMs
    return result
  }

  /** The earliest of the pod's rule, the probes' next steps and the containers' rules; ties in that order. */
  private nextStep(): Step | undefined {
    let first: Step | undefined
    const consider = (step: Step | undefined): void => {
      if (step && (!first || step.atMs < first.atMs)) first = step
    }
    const podRule = nextRule(POD_RULES, this.podStages)
    if (podRule) consider({atMs: podRule.atMs, fire: () => fireRule(podRule, this.podStages)})
    const containers = podContainers(this.input.pod)
    for (const {spec, init} of containers) {
      for (const type of PROBE_TYPES) consider(this.probeStep(spec, init, type))
    }
    const turns = containerTurns(this.input.pod, this.record)
    for (const {spec, init} of containers) {
      const stages = this.containerStages(spec, init, turns.get(spec.name))
      const due = nextRule(CONTAINER_RULES, stages)
      if (due) consider({atMs: due.atMs, fire: () => fireRule(due, stages)})
    }
    return first
  }

  private containerStages(spec: ContainerSpec, init: boolean, turnMs: number | undefined): ContainerStages {
    const {pod} = this.input
    const podGraceSeconds = pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS
    return new ContainerStages(this.container(spec), {
      pod: {uid: pod.metadata.uid ?? '', formatted: formatPod(pod), restartPolicy: pod.spec?.restartPolicy ?? 'Always'},
      record: this.record,
      spec,
      init,
      deletionGraceMs: (pod.metadata.deletionGracePeriodSeconds ?? podGraceSeconds) * 1000,
      livenessGraceMs: (spec.livenessProbe?.terminationGracePeriodSeconds ?? podGraceSeconds) * 1000,
      turnMs,
      nodeHasImage: (image) => this.images.has(image),
      addNodeImage: (image) => {
        if (this.images.has(image)) return
        this.images.add(image)
        this.pulledImages.push(image)
      },
      timeline: (startMs) => this.timeline(spec, startMs),
      emit: (event, atMs) => this.emit(event, atMs, containerFieldPath(spec.name, init)),
    })
  }

  /** The next probe of a running container that matters (prober worker.go), as a step. */
  private probeStep(spec: ContainerSpec, init: boolean, type: ProbeType): Step | undefined {
    const c = this.container(spec)
    const probe = type === 'Liveness' ? spec.livenessProbe : spec.readinessProbe
    const state = c.probes?.[type]
    if (c.stage !== 'running' || c.startedAtMs === undefined || !probe || !state) return undefined
    const timeline = this.timeline(spec, c.startedAtMs)
    const run: ProbeRun = {
      type,
      probe,
      oracle: probeOracle(probe, timeline, {image: spec.image ?? '', env: this.env(spec)}),
      startedAtMs: c.startedAtMs,
    }
    const walk = walkProbes(run, state, Number.POSITIVE_INFINITY, (atMs) =>
      nextEventAllowedMs(this.record.eventBudget?.Warning, atMs),
    )
    const atMs = walk.step?.atMs ?? walk.resumeAtMs
    if (atMs === undefined) return undefined
    return {
      atMs,
      fire: () => {
        const {step, state: walked} = walkProbes(run, state, atMs, (at) =>
          nextEventAllowedMs(this.record.eventBudget?.Warning, at),
        )
        c.probes = {...c.probes, [type]: walked}
        if (!step) return
        if (step.failure !== undefined) {
          const message = probeFailureMessage(type, step.failure)
          this.emit({type: 'Warning', reason: 'Unhealthy', message}, step.atMs, containerFieldPath(spec.name, init))
        }
        if (type === 'Liveness' && step.changedTo === 'failure') c.livenessFailedAtMs = step.atMs
      },
    }
  }

  private readiness(): Map<string, boolean> {
    const ready = new Map<string, boolean>()
    for (const spec of this.input.pod.spec?.containers ?? []) {
      const c = this.container(spec)
      const probed = spec.readinessProbe ? c.probes?.Readiness?.result === 'success' : true
      // prober_manager.go UpdatePodStatus: ready while the container runs, the grace period of a kill included
      ready.set(spec.name, (c.stage === 'running' || c.stage === 'killing') && probed)
    }
    return ready
  }

  private container(spec: ContainerSpec): ContainerRecord {
    let c = this.record.containers[spec.name]
    if (!c) {
      c = {stage: 'waiting', sinceMs: this.record.sinceMs, restartCount: 0}
      this.record.containers[spec.name] = c
    }
    return c
  }

  // the recorder's spam filter drops what its budget does not cover (event-budget.ts)
  private emit(event: StageEvent, atMs: number, fieldPath: string | undefined): void {
    const budget = this.record.eventBudget ?? {}
    const taken = takeEventToken(budget[event.type], atMs)
    if (!taken) return
    this.record.eventBudget = {...budget, [event.type]: taken}
    this.events.push(fieldPath === undefined ? {event, atMs} : {event, atMs, fieldPath})
  }

  private env(spec: ContainerSpec): Map<string, string> {
    return containerEnv(this.input.pod, spec, {podIP: this.record.podIP, hostIP: this.input.node.hostIP})
  }

  private timeline(spec: ContainerSpec, startMs: number): Timeline {
    const key = `${spec.name}@${startMs}`
    let timeline = this.timelines.get(key)
    if (!timeline) {
      timeline = containerTimeline({
        image: spec.image ?? '',
        command: spec.command,
        args: spec.args,
        env: this.env(spec),
        startEpochMs: startMs,
        podIP: this.record.podIP,
      })
      this.timelines.set(key, timeline)
    }
    return timeline
  }
}

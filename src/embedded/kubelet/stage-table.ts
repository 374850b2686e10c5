/**
 * The simulated kubelet's lifecycle as data, in the spirit of kwok's Stages: for the pod and for each of its
 * containers, rules of the form "in this stage, when this trigger's moment comes and these guards hold, go to
 * that stage, recording these events and doing this bookkeeping". Triggers, guards and effects are names; what
 * they mean lives in pod-stages.ts and container-stages.ts, and stage-machine.ts walks the rules. Reading down a
 * stage's rules is reading what a kubelet does there (pkg/kubelet/kuberuntime, pod_workers.go, prober, v1.32).
 *
 * Several rules of a stage may be armed at once (a program exits, or its liveness probe kills it first): the one
 * whose moment comes first fires, and table order breaks ties. Decision stages (image-check, stopped) only have
 * 'at-once' rules, so the first rule whose guards hold is taken as the stage is entered.
 */

/** An event a rule records, as kubelet's recorder would; `{name}` placeholders are filled from the situation. */
export interface EventTemplate<G extends string> {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  /** recorded only when this guard holds */
  when?: G
}

/** One rule of a stage table. */
export interface StageRule<S extends string, T extends string, G extends string, E extends string> {
  from: S
  /** what the rule waits for; its moment is computed from the record (a delay after entry, a program's exit...) */
  on: T
  /** all must hold at the rule's moment */
  when?: readonly G[]
  to: S
  events?: ReadonlyArray<EventTemplate<G>>
  /** record bookkeeping as the rule fires, in order, before the next stage is entered */
  effects?: readonly E[]
}

/** Where a container is in its life (the record's `stage`). */
export type ContainerStage =
  | 'waiting'
  | 'image-check'
  | 'pulling'
  | 'pull-failed'
  | 'pull-backoff'
  | 'creating'
  | 'running'
  | 'killing'
  | 'stopped'
  | 'crash-backoff'
  | 'exited'

/** What a container rule waits for. */
export type ContainerTrigger =
  /** a decision, taken the moment the stage is entered */
  | 'at-once'
  /** the pod lets this container begin: sandbox ready, earlier init containers succeeded, earlier containers started */
  | 'its-turn'
  /** the pull took its time (image size over bandwidth) */
  | 'image-pulled'
  /** containerd created the container */
  | 'container-created'
  /** the pod worker retries a sync that failed (pod_workers.go backOffPeriod, jittered) */
  | 'pod-resync'
  /** the image's pull back-off ran out */
  | 'image-backoff-over'
  /** the container's restart back-off ran out */
  | 'crash-backoff-over'
  /** the container's program exited by itself */
  | 'program-exited'
  /** failureThreshold liveness probes in a row failed */
  | 'liveness-failed'
  /** the kubelet saw the pod's deletion */
  | 'pod-deleted'
  /** the program handled SIGTERM, or the grace period ran out and SIGKILL came */
  | 'stop-finished'

/** A condition a container rule checks at its moment. */
export type ContainerGuard =
  /** the pod is not being deleted */
  | 'pod-active'
  /** pull policy Never and the image is not on the node */
  | 'image-never-pulled'
  /** pull policy Never or IfNotPresent, and the image is on the node */
  | 'image-present'
  /** the image's pull back-off is still running */
  | 'image-in-backoff'
  /** the pull policy lets the kubelet pull (not Never) */
  | 'pull-allowed'
  /** the registry refuses the image (a tag or repository that does not exist) */
  | 'pull-fails'
  /** the restart policy restarts the container after the way its run ended */
  | 'restart-policy-restarts'
  /** the container's restart back-off is still running */
  | 'crash-backoff-active'
  /** the first run of a command skiff cannot interpret */
  | 'command-unsupported'

/** Record bookkeeping a container rule does. */
export type ContainerEffect =
  | 'note-never-pull-error'
  | 'note-pull-error'
  | 'note-image-pulled'
  | 'begin-run'
  | 'term-for-deletion'
  | 'term-for-liveness'
  | 'end-run-by-exit'
  | 'end-run-by-signal'
  | 'restart'

/** A rule of the container table. */
export type ContainerRule = StageRule<ContainerStage, ContainerTrigger, ContainerGuard, ContainerEffect>

/** The container lifecycle: pull, create, run, stop, restart (kuberuntime_container.go, kuberuntime_image.go). */
export const CONTAINER_RULES: readonly ContainerRule[] = [
  {from: 'waiting', on: 'its-turn', when: ['pod-active'], to: 'image-check'},

  // kuberuntime_image.go EnsureImageExists
  {
    from: 'image-check',
    on: 'at-once',
    when: ['image-never-pulled'],
    to: 'pull-failed',
    events: [{type: 'Warning', reason: 'ErrImageNeverPull', message: '{neverPullError}'}],
    effects: ['note-never-pull-error'],
  },
  {
    from: 'image-check',
    on: 'at-once',
    when: ['image-present'],
    to: 'creating',
    events: [{type: 'Normal', reason: 'Pulled', message: 'Container image "{image}" already present on machine'}],
  },
  {
    from: 'image-check',
    on: 'at-once',
    when: ['image-in-backoff'],
    to: 'pull-backoff',
    events: [
      {type: 'Normal', reason: 'BackOff', message: 'Back-off pulling image "{image}"'},
      {type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff'},
    ],
  },
  {
    from: 'image-check',
    on: 'at-once',
    to: 'pulling',
    events: [{type: 'Normal', reason: 'Pulling', message: 'Pulling image "{image}"'}],
  },

  {
    from: 'pulling',
    on: 'image-pulled',
    when: ['pull-fails'],
    to: 'pull-failed',
    events: [
      {type: 'Warning', reason: 'Failed', message: 'Failed to pull image "{image}": {pullError}'},
      {type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull'},
    ],
    effects: ['note-pull-error'],
  },
  {
    from: 'pulling',
    on: 'image-pulled',
    when: ['pod-active'],
    to: 'creating',
    events: [
      {
        type: 'Normal',
        reason: 'Pulled',
        message:
          'Successfully pulled image "{image}" in {pullTook} ({pullTook} including waiting). Image size: {imageSize} bytes.',
      },
    ],
    effects: ['note-image-pulled'],
  },
  {from: 'pull-failed', on: 'pod-resync', when: ['pod-active', 'pull-allowed'], to: 'image-check'},
  {from: 'pull-backoff', on: 'image-backoff-over', when: ['pod-active'], to: 'image-check'},

  // kuberuntime_container.go startContainer
  {
    from: 'creating',
    on: 'container-created',
    when: ['pod-active'],
    to: 'running',
    events: [
      {type: 'Normal', reason: 'Created', message: 'Created container: {container}'},
      {type: 'Normal', reason: 'Started', message: 'Started container {container}'},
      {
        type: 'Warning',
        reason: 'UnsupportedCommand',
        message:
          'skiff cannot simulate the command of container {container} ({unsupported}); it runs quietly and never exits',
        when: 'command-unsupported',
      },
    ],
    effects: ['begin-run'],
  },

  {
    from: 'running',
    on: 'pod-deleted',
    to: 'killing',
    events: [{type: 'Normal', reason: 'Killing', message: 'Stopping container {container}'}],
    effects: ['term-for-deletion'],
  },
  {from: 'running', on: 'program-exited', to: 'stopped', effects: ['end-run-by-exit']},
  {
    from: 'running',
    on: 'liveness-failed',
    to: 'killing',
    events: [
      {type: 'Normal', reason: 'Killing', message: 'Container {container} failed liveness probe, will be restarted'},
    ],
    effects: ['term-for-liveness'],
  },
  {from: 'killing', on: 'stop-finished', to: 'stopped', effects: ['end-run-by-signal']},
  // a program that ignores SIGTERM may still end by itself within the grace period
  {from: 'killing', on: 'program-exited', to: 'stopped', effects: ['end-run-by-exit']},

  // kuberuntime_manager.go computePodActions + doBackOff: the first crash restarts at once, later ones wait
  {
    from: 'stopped',
    on: 'at-once',
    when: ['pod-active', 'restart-policy-restarts', 'crash-backoff-active'],
    to: 'crash-backoff',
    events: [
      {type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container {container} in pod {pod}'},
    ],
  },
  {
    from: 'stopped',
    on: 'at-once',
    when: ['pod-active', 'restart-policy-restarts'],
    to: 'image-check',
    effects: ['restart'],
  },
  {from: 'stopped', on: 'at-once', to: 'exited'},
  {from: 'crash-backoff', on: 'crash-backoff-over', when: ['pod-active'], to: 'image-check', effects: ['restart']},
]

/** Where the pod's sandbox is (the record's `stage`). */
export type PodStage = 'sandbox' | 'sandbox-failed' | 'running' | 'terminating' | 'gone'

/** What a pod rule waits for. */
export type PodTrigger =
  /** the sandbox (pause container, network) is up */
  | 'sandbox-created'
  /** the pod worker retries a sync that failed */
  | 'pod-resync'
  /** the kubelet saw the pod's deletion */
  | 'pod-deleted'
  /** the node lost power (seen once it is back: the moment is when the power went) */
  | 'power-lost'
  /** no container runs any more */
  | 'containers-stopped'

/** A condition a pod rule checks at its moment. */
export type PodGuard =
  /** the pod is not being deleted */
  | 'pod-active'
  /** the pod was not being deleted when the node came back (a restarted kubelet syncs with what it finds) */
  | 'pod-active-at-boot'
  /** the pod holds an address from the node's podCIDR */
  | 'has-address'
  /** the pod's restart policy brings its containers back after the node restarts */
  | 'restarts-after-reboot'

/** Record bookkeeping a pod rule does. */
export type PodEffect = 'allocate-address' | 'retry-sandbox' | 'lose-containers' | 'recreate-sandbox'

/** A rule of the pod table. */
export type PodRule = StageRule<PodStage, PodTrigger, PodGuard, PodEffect>

/** The pod lifecycle around its containers (kuberuntime_manager.go SyncPod/KillPod, pod_workers.go, v1.32). */
export const POD_RULES: readonly PodRule[] = [
  {from: 'sandbox', on: 'pod-deleted', to: 'terminating'},
  {
    from: 'sandbox',
    on: 'power-lost',
    when: ['pod-active-at-boot'],
    to: 'sandbox',
    effects: ['lose-containers', 'recreate-sandbox'],
  },
  {from: 'sandbox', on: 'power-lost', to: 'sandbox', effects: ['lose-containers']},
  {from: 'sandbox', on: 'sandbox-created', when: ['pod-active', 'has-address'], to: 'running'},
  {
    from: 'sandbox',
    on: 'sandbox-created',
    when: ['pod-active'],
    to: 'sandbox-failed',
    events: [
      {
        type: 'Warning',
        reason: 'FailedCreatePodSandBox',
        message:
          'Failed to create pod sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: {addressRange}',
      },
    ],
  },
  {from: 'sandbox-failed', on: 'pod-deleted', to: 'terminating'},
  {from: 'sandbox-failed', on: 'power-lost', to: 'sandbox-failed', effects: ['lose-containers']},
  {from: 'sandbox-failed', on: 'pod-resync', to: 'sandbox', effects: ['allocate-address', 'retry-sandbox']},
  {from: 'running', on: 'pod-deleted', to: 'terminating'},
  // the containers died with the machine; a new sandbox brings them back where the restart policy says so
  {
    from: 'running',
    on: 'power-lost',
    when: ['pod-active-at-boot', 'restarts-after-reboot'],
    to: 'sandbox',
    events: [
      {type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.'},
    ],
    effects: ['lose-containers', 'recreate-sandbox'],
  },
  {from: 'running', on: 'power-lost', to: 'running', effects: ['lose-containers']},
  {from: 'terminating', on: 'power-lost', to: 'terminating', effects: ['lose-containers']},
  {from: 'terminating', on: 'containers-stopped', to: 'gone'},
]

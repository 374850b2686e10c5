import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {podColumns} from '../../../../src/resources/columns/pod.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

// A pod as kube-apiserver returns it once the kubelet reports it running.
function runningPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7d4b9c8f6d-x2x9k',
      namespace: 'default',
      uid: '5c1e6f0a-2b1d-4c36-9a43-1f0b5a7d2e11',
      creationTimestamp: '2024-06-01T11:55:00Z',
      labels: {app: 'web', 'pod-template-hash': '7d4b9c8f6d'},
    },
    spec: {
      containers: [{name: 'nginx', image: 'nginx:1.27'}],
      restartPolicy: 'Always',
      nodeName: 'node-1',
      schedulerName: 'default-scheduler',
    },
    status: {
      phase: 'Running',
      conditions: [
        {type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2024-06-01T11:55:03Z'},
        {type: 'Initialized', status: 'True', lastTransitionTime: '2024-06-01T11:55:00Z'},
        {type: 'Ready', status: 'True', lastTransitionTime: '2024-06-01T11:55:04Z'},
        {type: 'ContainersReady', status: 'True', lastTransitionTime: '2024-06-01T11:55:04Z'},
        {type: 'PodScheduled', status: 'True', lastTransitionTime: '2024-06-01T11:55:00Z'},
      ],
      hostIP: '10.0.0.11',
      podIP: '10.244.1.5',
      podIPs: [{ip: '10.244.1.5'}],
      startTime: '2024-06-01T11:55:00Z',
      containerStatuses: [
        {
          name: 'nginx',
          ready: true,
          started: true,
          restartCount: 0,
          image: 'docker.io/library/nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:0f0b',
          containerID: 'containerd://8a1b',
          state: {running: {startedAt: '2024-06-01T11:55:03Z'}},
          lastState: {},
        },
      ],
      qosClass: 'BestEffort',
    },
  }
}

function withStatus(pod: KubeObject, status: Record<string, unknown>): KubeObject {
  return {...pod, status: {...(pod['status'] as Record<string, unknown>), ...status}}
}

function containerStatus(fields: Record<string, unknown>): Record<string, unknown> {
  return {name: 'nginx', ready: false, started: false, restartCount: 0, image: 'nginx:1.27', lastState: {}, ...fields}
}

function cells(pod: KubeObject): unknown[] {
  return podColumns.cells(pod, NOW)
}

// NAME READY STATUS RESTARTS AGE
function summary(pod: KubeObject): unknown[] {
  return cells(pod).slice(1, 4)
}

describe('pod columns', () => {
  it('names the columns as kube-apiserver does, with the wide ones at priority 1', () => {
    expect(podColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ])
    expect(podColumns.columns[0]?.format).toBe('name')
  })

  it('prints a running pod with its IP and node', () => {
    expect(cells(runningPod())).toEqual([
      'web-7d4b9c8f6d-x2x9k',
      '1/1',
      'Running',
      '0',
      '5m',
      '10.244.1.5',
      'node-1',
      '<none>',
      '<none>',
    ])
  })

  it('prints <none> for an unscheduled pod in the wide columns', () => {
    // Given a pod the scheduler could not place
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'big', namespace: 'default', creationTimestamp: '2024-06-01T11:59:30Z'},
      spec: {containers: [{name: 'app', image: 'busybox'}]},
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient cpu.',
          },
        ],
        qosClass: 'Burstable',
      },
    }
    expect(cells(pod)).toEqual(['big', '0/1', 'Pending', '0', '30s', '<none>', '<none>', '<none>', '<none>'])
  })

  it('shows the nominated node of a preempting pod', () => {
    const pod = withStatus(runningPod(), {nominatedNodeName: 'node-2'})
    expect(cells(pod)[7]).toBe('node-2')
  })

  it('shows the waiting reason of a container that is being created', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Pending',
      containerStatuses: [containerStatus({state: {waiting: {reason: 'ContainerCreating'}}})],
    })
    expect(summary(pod)).toEqual(['0/1', 'ContainerCreating', '0'])
  })

  it('writes restarts with the time of the last one', () => {
    // Given a container that crashed 4 times, last at 11:59:25
    const pod = withStatus(runningPod(), {
      containerStatuses: [
        containerStatus({
          restartCount: 4,
          state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container'}},
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: '2024-06-01T11:59:24Z',
              finishedAt: '2024-06-01T11:59:25Z',
            },
          },
        }),
      ],
    })
    expect(summary(pod)).toEqual(['0/1', 'CrashLoopBackOff', '4 (35s ago)'])
  })

  it('takes the latest restart across containers', () => {
    const pod = withStatus(runningPod(), {
      containerStatuses: [
        containerStatus({
          name: 'a',
          ready: true,
          restartCount: 1,
          state: {running: {startedAt: '2024-06-01T10:00:00Z'}},
          lastState: {terminated: {exitCode: 1, finishedAt: '2024-06-01T09:00:00Z'}},
        }),
        containerStatus({
          name: 'b',
          ready: true,
          restartCount: 2,
          state: {running: {startedAt: '2024-06-01T11:00:00Z'}},
          lastState: {terminated: {exitCode: 1, finishedAt: '2024-06-01T11:58:00Z'}},
        }),
      ],
    })
    const spec = {containers: [{name: 'a'}, {name: 'b'}]}
    expect(summary({...pod, spec})).toEqual(['2/2', 'Running', '3 (2m ago)'])
  })

  it('prints restarts without a time when no container recorded a termination', () => {
    const pod = withStatus(runningPod(), {
      containerStatuses: [containerStatus({ready: true, restartCount: 2, state: {running: {}}})],
    })
    expect(summary(pod)[2]).toBe('2')
  })

  it('counts ready containers out of all containers', () => {
    const pod = withStatus(
      {...runningPod(), spec: {containers: [{name: 'app'}, {name: 'proxy'}]}},
      {
        containerStatuses: [
          containerStatus({name: 'app', ready: true, started: true, state: {running: {}}}),
          containerStatus({name: 'proxy', ready: false, started: true, state: {running: {}}}),
        ],
      },
    )
    expect(summary(pod)).toEqual(['1/2', 'Running', '0'])
  })

  it('shows the reason of the first container when several are waiting', () => {
    const pod = withStatus(
      {...runningPod(), spec: {containers: [{name: 'app'}, {name: 'proxy'}]}},
      {
        phase: 'Pending',
        containerStatuses: [
          containerStatus({name: 'app', state: {waiting: {reason: 'ImagePullBackOff'}}}),
          containerStatus({name: 'proxy', state: {waiting: {reason: 'ContainerCreating'}}}),
        ],
      },
    )
    expect(summary(pod)[1]).toBe('ImagePullBackOff')
  })

  describe('with init containers', () => {
    function initPod(initStatuses: Record<string, unknown>[], extra: Record<string, unknown> = {}): KubeObject {
      const pod = runningPod()
      return {
        ...pod,
        spec: {...(pod['spec'] as object), initContainers: [{name: 'migrate'}, {name: 'seed'}]},
        status: {
          phase: 'Pending',
          conditions: [{type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized'}],
          initContainerStatuses: initStatuses,
          containerStatuses: [containerStatus({state: {waiting: {reason: 'PodInitializing'}}})],
          ...extra,
        },
      }
    }

    it('counts finished init containers while one runs', () => {
      const pod = initPod([
        containerStatus({name: 'migrate', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
        containerStatus({name: 'seed', state: {running: {startedAt: '2024-06-01T11:59:00Z'}}}),
      ])
      expect(summary(pod)).toEqual(['0/1', 'Init:1/2', '0'])
    })

    it('shows Init:0/2 before the first init container started', () => {
      const pod = initPod([
        containerStatus({name: 'migrate', state: {waiting: {reason: 'PodInitializing'}}}),
        containerStatus({name: 'seed', state: {waiting: {reason: 'PodInitializing'}}}),
      ])
      expect(summary(pod)[1]).toBe('Init:0/2')
    })

    it('shows the reason of a failed init container', () => {
      const pod = initPod([
        containerStatus({name: 'migrate', state: {terminated: {exitCode: 1, reason: 'Error'}}}),
        containerStatus({name: 'seed', state: {waiting: {reason: 'PodInitializing'}}}),
      ])
      expect(summary(pod)[1]).toBe('Init:Error')
    })

    it('shows the exit code or signal of an init container that failed without a reason', () => {
      const exited = initPod([containerStatus({name: 'migrate', state: {terminated: {exitCode: 2}}})])
      const signalled = initPod([containerStatus({name: 'migrate', state: {terminated: {exitCode: 137, signal: 9}}})])
      expect(summary(exited)[1]).toBe('Init:ExitCode:2')
      expect(summary(signalled)[1]).toBe('Init:Signal:9')
    })

    it('shows a crash-looping init container with its restarts', () => {
      const pod = initPod([
        containerStatus({
          name: 'migrate',
          restartCount: 3,
          state: {waiting: {reason: 'CrashLoopBackOff'}},
          lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: '2024-06-01T11:59:50Z'}},
        }),
        containerStatus({name: 'seed', state: {waiting: {reason: 'PodInitializing'}}}),
      ])
      expect(summary(pod)).toEqual(['0/1', 'Init:CrashLoopBackOff', '3 (10s ago)'])
    })

    it('shows PodInitializing once every init container finished', () => {
      const pod = initPod(
        [
          containerStatus({name: 'migrate', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
          containerStatus({name: 'seed', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
        ],
        {conditions: [{type: 'Initialized', status: 'True'}]},
      )
      expect(summary(pod)).toEqual(['0/1', 'PodInitializing', '0'])
    })

    it('leaves init container restarts out once the pod is initialized', () => {
      const pod = initPod(
        [
          containerStatus({
            name: 'migrate',
            restartCount: 2,
            state: {terminated: {exitCode: 0, reason: 'Completed'}},
            lastState: {terminated: {exitCode: 1, finishedAt: '2024-06-01T11:56:00Z'}},
          }),
          containerStatus({name: 'seed', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
        ],
        {
          phase: 'Running',
          conditions: [
            {type: 'Initialized', status: 'True'},
            {type: 'Ready', status: 'True'},
          ],
          containerStatuses: [containerStatus({ready: true, started: true, state: {running: {}}})],
        },
      )
      expect(summary(pod)).toEqual(['1/1', 'Running', '0'])
    })
  })

  describe('with sidecar containers (restartable init containers)', () => {
    function sidecarPod(sidecar: Record<string, unknown>): KubeObject {
      const pod = runningPod()
      return {
        ...pod,
        spec: {...(pod['spec'] as object), initContainers: [{name: 'envoy', image: 'envoy', restartPolicy: 'Always'}]},
        status: {
          ...(pod['status'] as object),
          initContainerStatuses: [sidecar],
        },
      }
    }

    it('counts a started sidecar among the containers', () => {
      const pod = sidecarPod(
        containerStatus({
          name: 'envoy',
          ready: true,
          started: true,
          state: {running: {startedAt: '2024-06-01T11:55:01Z'}},
        }),
      )
      expect(summary(pod)).toEqual(['2/2', 'Running', '0'])
    })

    it('counts sidecar restarts in a running pod', () => {
      const pod = sidecarPod(
        containerStatus({
          name: 'envoy',
          ready: true,
          started: true,
          restartCount: 1,
          state: {running: {}},
          lastState: {terminated: {exitCode: 1, finishedAt: '2024-06-01T11:58:00Z'}},
        }),
      )
      expect(summary(pod)).toEqual(['2/2', 'Running', '1 (2m ago)'])
    })

    it('shows Init:0/1 while the sidecar has not started', () => {
      const pod = sidecarPod(containerStatus({name: 'envoy', state: {running: {}}}))
      const initializing = {
        ...pod,
        status: {...(pod['status'] as object), phase: 'Pending', conditions: [{type: 'Initialized', status: 'False'}]},
      }
      expect(summary(initializing)).toEqual(['0/2', 'Init:0/1', '0'])
    })
  })

  it('shows Completed for a pod whose containers finished', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Succeeded',
      conditions: [{type: 'Ready', status: 'False', reason: 'PodCompleted'}],
      containerStatuses: [
        containerStatus({
          state: {terminated: {exitCode: 0, reason: 'Completed', finishedAt: '2024-06-01T11:56:00Z'}},
        }),
      ],
    })
    expect(summary(pod)).toEqual(['0/1', 'Completed', '0'])
  })

  it('shows Error for a pod whose container failed', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Failed',
      containerStatuses: [containerStatus({state: {terminated: {exitCode: 1, reason: 'Error'}}})],
    })
    expect(summary(pod)[1]).toBe('Error')
  })

  it('shows the exit code or signal of a container that ended without a reason', () => {
    const exited = withStatus(runningPod(), {
      containerStatuses: [containerStatus({state: {terminated: {exitCode: 3}}})],
    })
    const signalled = withStatus(runningPod(), {
      containerStatuses: [containerStatus({state: {terminated: {exitCode: 143, signal: 15}}})],
    })
    expect(summary(exited)[1]).toBe('ExitCode:3')
    expect(summary(signalled)[1]).toBe('Signal:15')
  })

  it('shows Running when one container completed and another still runs in a ready pod', () => {
    const pod = withStatus(
      {...runningPod(), spec: {containers: [{name: 'job'}, {name: 'server'}]}},
      {
        containerStatuses: [
          containerStatus({name: 'job', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
          containerStatus({name: 'server', ready: true, started: true, state: {running: {}}}),
        ],
      },
    )
    expect(summary(pod)).toEqual(['1/2', 'Running', '0'])
  })

  it('shows NotReady when one container completed and the pod is not ready', () => {
    const pod = withStatus(
      {...runningPod(), spec: {containers: [{name: 'job'}, {name: 'server'}]}},
      {
        conditions: [{type: 'Ready', status: 'False', reason: 'ContainersNotReady'}],
        containerStatuses: [
          containerStatus({name: 'job', state: {terminated: {exitCode: 0, reason: 'Completed'}}}),
          containerStatus({name: 'server', ready: true, started: true, state: {running: {}}}),
        ],
      },
    )
    expect(summary(pod)[1]).toBe('NotReady')
  })

  it('shows the pod reason, such as Evicted', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory.',
      containerStatuses: [],
    })
    expect(summary(pod)).toEqual(['0/1', 'Evicted', '0'])
  })

  it('shows SchedulingGated while scheduling gates remain', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Pending',
      conditions: [{type: 'PodScheduled', status: 'False', reason: 'SchedulingGated'}],
      containerStatuses: [],
    })
    expect(summary(pod)[1]).toBe('SchedulingGated')
  })

  it('shows Terminating for a pod being deleted', () => {
    const pod = runningPod()
    pod.metadata.deletionTimestamp = '2024-06-01T12:00:30Z'
    pod.metadata.deletionGracePeriodSeconds = 30
    expect(summary(pod)).toEqual(['1/1', 'Terminating', '0'])
  })

  it('keeps Completed for a finished pod being deleted', () => {
    const pod = withStatus(runningPod(), {
      phase: 'Succeeded',
      containerStatuses: [containerStatus({state: {terminated: {exitCode: 0, reason: 'Completed'}}})],
    })
    pod.metadata.deletionTimestamp = '2024-06-01T12:00:30Z'
    expect(summary(pod)[1]).toBe('Completed')
  })

  it('shows Unknown for a pod being deleted on an unreachable node', () => {
    const pod = withStatus(runningPod(), {reason: 'NodeLost'})
    pod.metadata.deletionTimestamp = '2024-06-01T12:00:30Z'
    expect(summary(pod)[1]).toBe('Unknown')
  })

  it('counts true readiness gates out of all gates', () => {
    const pod = runningPod()
    const withGates = withStatus(
      {
        ...pod,
        spec: {
          ...(pod['spec'] as object),
          readinessGates: [{conditionType: 'example.com/lb-ready'}, {conditionType: 'example.com/dns-ready'}],
        },
      },
      {
        conditions: [
          {type: 'Ready', status: 'False'},
          {type: 'example.com/lb-ready', status: 'True'},
          {type: 'example.com/dns-ready', status: 'False'},
        ],
      },
    )
    expect(cells(withGates)[8]).toBe('1/2')
  })

  it('writes <unknown> for the age of a pod without a creation timestamp', () => {
    const pod = runningPod()
    delete pod.metadata.creationTimestamp
    expect(cells(pod)[4]).toBe('<unknown>')
  })
})

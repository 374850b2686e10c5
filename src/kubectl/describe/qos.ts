// kubectl: pkg/util/qos GetPodQOS (v1.32): the stored class, else computed from the containers.
import {podQOSClass} from '../../resources/pod-qos.js'
import type {Pod} from './pod-types.js'

/** The pod's QoS class: `Guaranteed`, `Burstable` or `BestEffort`. */
export function describedQOSClass(pod: Pod): string {
  return pod.status?.qosClass || podQOSClass(pod.spec)
}

// kubectl: pkg/describe/describe.go NetworkPolicyDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import type {IntOrString} from './pod-types.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {formatLabelSelector, type LabelSelectorSpec} from '../../resources/label-selector.js'
import {goTimeString} from './time.js'

interface Peer {
  podSelector?: LabelSelectorSpec
  namespaceSelector?: LabelSelectorSpec
  ipBlock?: {cidr?: string; except?: string[]}
}

interface Rule {
  ports?: {protocol?: string; port?: IntOrString; endPort?: number}[]
  from?: Peer[]
  to?: Peer[]
}

interface NetworkPolicy extends KubeObject {
  spec?: {podSelector?: LabelSelectorSpec; ingress?: Rule[]; egress?: Rule[]; policyTypes?: string[]}
}

const INDENT = '    '

function writePorts(w: PrefixWriter, rule: Rule): void {
  const ports = rule.ports ?? []
  if (ports.length === 0) {
    w.write(LEVEL_0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`)
    return
  }
  for (const port of ports) {
    const protocol = port.protocol ?? 'TCP'
    const number = port.port === undefined || port.port === null ? '<nil>' : String(port.port)
    if (port.endPort === undefined || port.endPort === null)
      w.write(LEVEL_0, `${INDENT}To Port: ${number}/${protocol}\n`)
    else w.write(LEVEL_0, `${INDENT}To Port Range: ${number}-${port.endPort}/${protocol}\n`)
  }
}

function writePeers(w: PrefixWriter, peers: Peer[] | undefined, title: string, anyText: string): void {
  if (!peers || peers.length === 0) {
    w.write(LEVEL_0, `${INDENT}${anyText}\n`)
    return
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${INDENT}${title}:\n`)
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`)
      w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`)
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`)
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`)
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${INDENT}IPBlock:\n`)
      w.write(LEVEL_2, `${INDENT}CIDR: ${peer.ipBlock.cidr ?? ''}\n`)
      w.write(LEVEL_2, `${INDENT}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`)
    }
  }
}

function writeRules(w: PrefixWriter, rules: Rule[] | undefined, direction: 'ingress' | 'egress'): void {
  if (!rules || rules.length === 0) {
    w.write(LEVEL_0, `${INDENT}<none> (Selected pods are isolated for ${direction} connectivity)\n`)
    return
  }
  rules.forEach((rule, i) => {
    writePorts(w, rule)
    if (direction === 'ingress') writePeers(w, rule.from, 'From', 'From: <any> (traffic not restricted by source)')
    else writePeers(w, rule.to, 'To', 'To: <any> (traffic not restricted by destination)')
    if (i !== rules.length - 1) w.write(LEVEL_0, `${INDENT}----------\n`)
  })
}

/** Describes a NetworkPolicy: the pods it selects and the traffic it allows. */
export async function describeNetworkPolicy(object: KubeObject): Promise<string> {
  const policy = object as NetworkPolicy
  const spec = policy.spec ?? {}
  const types = spec.policyTypes ?? []
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${policy.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${policy.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Created on:\t${goTimeString(policy.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', policy.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', policy.metadata.annotations)
    w.write(LEVEL_0, 'Spec:\n')
    w.write(LEVEL_1, 'PodSelector: ')
    const selector = spec.podSelector ?? {}
    const selectsAll =
      Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
    if (selectsAll) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n')
    else w.write(LEVEL_2, `${formatLabelSelector(selector)}\n`)
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n')
      writeRules(w, spec.ingress, 'ingress')
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n')
    }
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n')
      writeRules(w, spec.egress, 'egress')
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n')
    }
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`)
  })
}

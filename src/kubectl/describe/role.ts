// kubectl: pkg/describe/describe.go RoleDescriber, ClusterRoleDescriber and pkg/util/rbac
// BreakdownRule, CompactRules, SortableRuleSlice (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, tabbedString} from './prefix-writer.js'
import {goStringList} from './storage.js'

interface PolicyRule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

interface Role extends KubeObject {
  rules?: PolicyRule[]
}

// one rule per group, resource, verb and resource name; one per non-resource URL and verb
function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const rules: PolicyRule[] = []
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames ?? []
        if (names.length > 0) {
          for (const name of names) {
            rules.push({apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name]})
          }
        } else {
          rules.push({apiGroups: [group], resources: [resource], verbs: [verb]})
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs ?? []) rules.push({nonResourceURLs: [url], verbs: [verb]})
  }
  return rules
}

// rules on one group, resource and resource name are merged, collecting their verbs
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const rule of rules) {
    const isSimple =
      (rule.resourceNames ?? []).length <= 1 &&
      (rule.nonResourceURLs ?? []).length === 0 &&
      (rule.apiGroups ?? []).length === 1 &&
      (rule.resources ?? []).length === 1
    if (!isSimple) {
      compacted.push(rule)
      continue
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? []])
    const existing = simple.get(key)
    if (!existing) {
      simple.set(key, structuredClone(rule))
      continue
    }
    const verbs = existing.verbs ?? []
    for (const verb of rule.verbs ?? []) if (!verbs.includes(verb)) verbs.push(verb)
    existing.verbs = verbs
  }
  return [...compacted, ...simple.values()]
}

// the generated PolicyRule.String(), which kubectl sorts rules by
function ruleString(rule: PolicyRule): string {
  return (
    `&PolicyRule{Verbs:${goStringList(rule.verbs)},APIGroups:${goStringList(rule.apiGroups)},` +
    `Resources:${goStringList(rule.resources)},ResourceNames:${goStringList(rule.resourceNames)},` +
    `NonResourceURLs:${goStringList(rule.nonResourceURLs)},}`
  )
}

// `pods.apps/log`: the first resource qualified by the first group
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  const first = resources?.[0]
  if (first === undefined) return ''
  const slash = first.indexOf('/')
  let combined = slash < 0 ? first : first.slice(0, slash)
  const group = groups?.[0]
  if (group) combined += `.${group}`
  if (slash >= 0) combined += `/${first.slice(slash + 1)}`
  return combined
}

/** Describes a Role or ClusterRole as a table of its rules, broken down and recombined as kubectl does. */
export async function describeRole(object: KubeObject): Promise<string> {
  const role = object as Role
  const rules = compactRules((role.rules ?? []).flatMap(breakdownRule))
    .map((rule) => ({rule, key: ruleString(rule)}))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.rule)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', role.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations)
    w.write(LEVEL_0, 'PolicyRule:\n')
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n')
    for (const r of rules) {
      w.write(
        LEVEL_1,
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${goStringList(r.nonResourceURLs)}\t` +
          `${goStringList(r.resourceNames)}\t${goStringList(r.verbs)}\n`,
      )
    }
  })
}

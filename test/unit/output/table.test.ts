import {describe, expect, it} from 'vitest'
import type {Table} from '../../../src/backend/table.js'
import {printTable, printTables, TablePrinter} from '../../../src/output/table.js'
import {configMapTable, deploymentTable, kubectlOutput, nodeTable, podTable} from './tables.js'

// kubectl get without -A shows the current namespace only; the server would have filtered the rows.
const inNamespace = (table: Table, namespace: string): Table => ({
  ...table,
  rows: table.rows.filter((row) => row.object?.metadata.namespace === namespace),
})
const defaultPods = inNamespace(podTable, 'default')

describe('printTable', () => {
  it('prints the priority 0 columns with upper-case headers, aligned as kubectl aligns them', () => {
    expect(printTable(defaultPods)).toBe(kubectlOutput.podsDefault)
  })

  it('adds the wide columns for -o wide and prints null cells as nothing', () => {
    expect(printTable(defaultPods, {wide: true})).toBe(kubectlOutput.podsWide)
  })

  it('puts NAMESPACE first, a column per -L key and LABELS last', () => {
    expect(printTable(podTable, {withNamespace: true, labelColumns: ['app', 'x/tier'], showLabels: true})).toBe(
      kubectlOutput.podsAllLabels,
    )
  })

  it('keeps the padding of an empty last cell, as kubectl leaves trailing spaces there', () => {
    expect(printTable(defaultPods, {noHeaders: true, labelColumns: ['app']})).toBe(kubectlOutput.podsNoHeadersLabel)
    expect(kubectlOutput.podsNoHeadersLabel).toContain('3h4m   \n')
  })

  it('cuts cells at line breaks, escapes ESC, splits at tabs and prints other values as Go does', () => {
    expect(printTable(configMapTable, {showLabels: true, labelColumns: ['a-b']})).toBe(kubectlOutput.configMapsLabels)
  })

  it('prefixes names with the kind for --show-kind', () => {
    expect(printTable(defaultPods, {kindPrefix: 'pod'})).toBe(kubectlOutput.podsShowKind)
  })

  it('prints nothing, not even a header, for a table without rows', () => {
    expect(printTable({...defaultPods, rows: []})).toBe('')
  })

  it('leaves the table it was given untouched', () => {
    const before = structuredClone(podTable)
    printTable(podTable, {withNamespace: true, showLabels: true, kindPrefix: 'pod'})
    expect(podTable).toEqual(before)
  })
})

describe('printTables', () => {
  it('prints each resource type with its own header and alignment, after a blank line', () => {
    const tables = [
      {table: defaultPods, resource: 'pods', kindPrefix: 'pod'},
      {table: deploymentTable, resource: 'deployments.apps', kindPrefix: 'deployment.apps'},
    ]
    expect(printTables(tables)).toBe(kubectlOutput.podsAndDeployments)
  })

  it('leaves out the blank line without headers', () => {
    const tables = [
      {table: defaultPods, resource: 'pods', kindPrefix: 'pod'},
      {table: deploymentTable, resource: 'deployments.apps', kindPrefix: 'deployment.apps'},
    ]
    expect(printTables(tables, {noHeaders: true})).toBe(kubectlOutput.podsAndDeploymentsNoHeaders)
  })

  it('prints no NAMESPACE column for a cluster-scoped resource under -A', () => {
    const tables = [
      {table: nodeTable, resource: 'nodes', kindPrefix: 'node'},
      {table: podTable, resource: 'pods', kindPrefix: 'pod', withNamespace: true},
    ]
    expect(printTables(tables)).toBe(kubectlOutput.nodesAndPodsAll)
  })

  it('adds no blank line before a resource when nothing was printed before it', () => {
    const tables = [
      {table: {...configMapTable, rows: []}, resource: 'configmaps', kindPrefix: 'configmap'},
      {table: defaultPods, resource: 'pods', kindPrefix: 'pod'},
    ]
    expect(printTables(tables)).toBe(printTable(defaultPods, {kindPrefix: 'pod'}))
  })

  it('aligns consecutive tables of one resource together under one header', () => {
    const [web, db] = defaultPods.rows
    const tables = [
      {table: {...defaultPods, rows: web ? [web] : []}, resource: 'pods'},
      {table: {...defaultPods, rows: db ? [db] : []}, resource: 'pods'},
    ]
    expect(printTables(tables)).toBe(kubectlOutput.podsDefault)
  })
})

describe('TablePrinter', () => {
  it('prints the header once and keeps columns from shrinking across watch events', () => {
    // Given a printer that printed the initial list of get -w
    const printer = new TablePrinter()
    const [web, db] = defaultPods.rows
    expect(printer.print({...defaultPods, rows: web ? [web] : []})).toBe(
      'NAME                  READY   STATUS    RESTARTS   AGE\nweb-7d4b9c8f5-abcde   1/1     Running   0          5m\n',
    )
    // When an event's table arrives, without column definitions as watch events may send them
    const event = printer.print({...defaultPods, columnDefinitions: [], rows: db ? [db] : []})
    // Then it is printed without a header and in the widths already on screen
    expect(event).toBe('db-0                  1/1     Pending   12         3h4m\n')
  })

  it('prints kubectl EVENT column, with its padded event types, for --output-watch-events', () => {
    const printer = new TablePrinter()
    const [web] = defaultPods.rows
    expect(printer.print({...defaultPods, rows: web ? [web] : []}, 'ADDED')).toBe(
      'EVENT      NAME                  READY   STATUS    RESTARTS   AGE\nADDED      web-7d4b9c8f5-abcde   1/1     Running   0          5m\n',
    )
  })
})

import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Backend} from '../../../src/backend/backend.js'
import {getResources} from '../../../src/kubectl/get.js'
import {ResourceRegistry} from '../../../src/resources/registry.js'
import {openTempCluster, type TempCluster} from '../embedded/temp-cluster.js'

describe('getResources with --chunk-size', () => {
  let cluster: TempCluster
  let limits: Array<number | undefined>
  let backend: Backend
  beforeEach(async () => {
    cluster = await openTempCluster()
    for (let i = 0; i < 5; i++) {
      await cluster.backend.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {name: `cm-${i}`, namespace: 'default'},
      })
    }
    limits = []
    // the real embedded backend, recording the page size of each list and table request
    const real = cluster.backend
    backend = Object.assign(Object.create(real) as Backend, {
      list: (ref: Parameters<Backend['list']>[0], options?: Parameters<Backend['list']>[1]) => {
        limits.push(options?.limit)
        return real.list(ref, options)
      },
      table: (ref: Parameters<Backend['table']>[0], options?: Parameters<Backend['table']>[1]) => {
        limits.push(options?.limit)
        return real.table(ref, options)
      },
    })
  })
  afterEach(async () => cluster.dispose())

  const visits = async () => {
    const info = new ResourceRegistry(await cluster.backend.discover()).resolve('configmaps')
    return [{kind: 'list' as const, info, namespace: 'default'}]
  }

  it('fetches a table page by page and prints every row under one header', async () => {
    const result = await getResources(backend, {
      visits: await visits(),
      ignoreNotFound: false,
      as: 'table',
      chunkSize: 2,
    })
    expect(limits).toEqual([2, 2, 2])
    expect(result.groups).toHaveLength(1)
    expect(result.groups[0]?.table.rows.map((row) => row.cells[0])).toEqual(['cm-0', 'cm-1', 'cm-2', 'cm-3', 'cm-4'])
  })

  it('hands each table page over as it arrives, with the next page already asked for', async () => {
    const events: string[] = []
    const real = backend
    const traced = Object.assign(Object.create(real) as Backend, {
      table: async (ref: Parameters<Backend['table']>[0], options?: Parameters<Backend['table']>[1]) => {
        events.push(`request ${options?.continue ? 'next' : 'first'} (${options?.includeObject})`)
        return real.table(ref, options)
      },
    })
    const result = await getResources(traced, {
      visits: await visits(),
      ignoreNotFound: false,
      as: 'table',
      chunkSize: 2,
      onListPage: (_, page) => events.push(`page ${page.rows.map((row) => String(row.cells[0])).join(' ')}`),
    })
    // streamed pages are not collected
    expect(result.groups).toEqual([])
    expect(events).toEqual([
      'request first (Metadata)',
      'request next (Metadata)',
      'page cm-0 cm-1',
      'request next (Metadata)',
      'page cm-2 cm-3',
      'page cm-4',
    ])
  })

  it('asks for whole objects in table rows when told to (--sort-by)', async () => {
    const asked: unknown[] = []
    const real = backend
    const traced = Object.assign(Object.create(real) as Backend, {
      table: (ref: Parameters<Backend['table']>[0], options?: Parameters<Backend['table']>[1]) => {
        asked.push(options?.includeObject)
        return real.table(ref, options)
      },
    })
    await getResources(traced, {visits: await visits(), ignoreNotFound: false, as: 'table', includeObject: 'Object'})
    expect(asked).toEqual(['Object'])
  })

  it('fetches objects page by page, and all at once with 0', async () => {
    const paged = await getResources(backend, {
      visits: await visits(),
      ignoreNotFound: false,
      as: 'objects',
      chunkSize: 3,
    })
    expect(limits).toEqual([3, 3])
    expect(paged.objects.map((o) => o.metadata.name)).toEqual(['cm-0', 'cm-1', 'cm-2', 'cm-3', 'cm-4'])
    limits = []
    const whole = await getResources(backend, {
      visits: await visits(),
      ignoreNotFound: false,
      as: 'objects',
      chunkSize: 0,
    })
    expect(limits).toEqual([undefined])
    expect(whole.objects).toHaveLength(5)
  })
})

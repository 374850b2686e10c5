import type {ResourceInfo} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {storeResource} from '../storage-key.js'
import type {StoreKey} from '../store/store.js'
import type {Controller, ReconcileContext} from './controller.js'

const CURSOR_KEY = 'controllers.cursor'
// A wave that still produces changes after this many rounds is a controller fighting another.
const MAX_ROUNDS = 100

/**
 * Runs controllers over the change log from a stored cursor until no change is left: the catch-up every
 * skiff invocation does. Several processes may catch up at once; reconciles are level-triggered, so
 * doing one twice is harmless.
 */
export class ControllerRunner {
  private running = false

  constructor(private readonly controllers: readonly Controller[]) {}

  async runUntilQuiet(api: EmbeddedBackend): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      const infos = new Map<string, ResourceInfo>((await api.discover()).map((info) => [storeResource(info), info]))
      const ctx: ReconcileContext = {api, clock: api.clock, infoFor: (resource) => infos.get(resource)}
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const cursor = Number(api.store.readMeta(CURSOR_KEY) ?? '0')
        const changes = api.store.changesAfter(cursor)
        if (changes.length === 0) return
        for (const controller of this.controllers) {
          const keys = new Map<string, StoreKey>()
          for (const change of changes) {
            for (const key of controller.keysFor(change, ctx))
              keys.set(`${key.resource}|${key.namespace}|${key.name}`, key)
          }
          for (const key of keys.values()) await reconcileQuietly(controller, key, ctx)
        }
        const last = changes[changes.length - 1]?.revision ?? cursor
        api.store.transaction(() => {
          const stored = Number(api.store.readMeta(CURSOR_KEY) ?? '0')
          if (last > stored) api.store.writeMeta(CURSOR_KEY, String(last))
        })
      }
    } finally {
      this.running = false
    }
  }
}

// Another process may have changed the object between the read and the write: the next change requeues it.
async function reconcileQuietly(controller: Controller, key: StoreKey, ctx: ReconcileContext): Promise<void> {
  try {
    await controller.reconcile(key, ctx)
  } catch (error) {
    if (hasReason(error, 'NotFound') || hasReason(error, 'Conflict')) return
    throw error
  }
}

#!/usr/bin/env node
import {main} from '../dist/main.js'

process.stdout.on('error', (error) => {
  // `skiff get pods -o name | head -1`: the reader left; that is not an error
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
process.exitCode = await main(process.argv.slice(2), import.meta.url)

import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    disableConsoleIntercept: true,
    projects: [
      {test: {name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node'}},
      // e2e spawns the built CLI; each test has its own SKIFF_HOME, so files may run in parallel
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})

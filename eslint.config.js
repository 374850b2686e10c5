import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'oclif.manifest.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // plain Node scripts (bin, build, bench, the kubectl-tests runner)
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      'no-empty': ['error', {allowEmptyCatch: false}],
    },
  },
  {
    // only the clock module reads real time or randomness inside the control plane (CONVENTIONS.md §2)
    files: ['src/embedded/**/*.ts'],
    ignores: ['src/embedded/clock/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the Clock.',
        },
        {selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read time from the Clock.'},
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use the seeded random source in clock/.',
        },
      ],
      'no-restricted-globals': ['error', {name: 'setInterval', message: 'Timers belong to the clock.'}],
    },
  },
  {
    // dependency direction (CONVENTIONS.md §2)
    files: ['src/embedded/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {patterns: ['**/cluster/**', '**/kubectl/**', '**/cli/**', '**/commands/**', '**/ui/**']},
      ],
    },
  },
  {
    files: ['src/backend/**/*.ts', 'src/resources/**/*.ts', 'src/output/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/embedded/**', '**/cluster/**', '**/kubectl/**', '**/cli/**', '**/ui/**'],
          paths: ['@kubernetes/client-node', 'ink', 'react'],
        },
      ],
    },
  },
  {
    files: ['src/kubectl/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: ['**/embedded/**', '**/cluster/**', '**/cli/**', '**/ui/**']}],
    },
  },
  {
    files: ['commands/**/*.ts', 'src/cli/**/*.ts'],
    rules: {'no-restricted-imports': ['error', {paths: ['@kubernetes/client-node', 'ink', 'react']}]},
  },
)

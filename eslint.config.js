import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const reactPackages = ['react', 'react-dom', 'react-dom/*', '@tanstack/react-*', 'recharts'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.audit-data', '.scratch', 'storybook-static'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The layers, bottom up; imports only ever point down this list:
  //   src/contract    the wire contract (schemas, ids, query codec, constants): imports only zod,
  //                   and canonicalize, because RFC 8785 JSON is how the log's leaves are defined
  //   src/client      framework-free SDK: no React, no Node built-ins, never the server
  //   src/server      the reference API's browser-safe part: never the client, hooks or UI
  //   src/hooks       React Query over the client: never components
  //   src/components  parts and views: data through hooks or props, never the server
  // Client and server meet only in src/contract, so neither can drift from the wire format.
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|canonicalize)(/|$)|\\.{1,2}/)',
              message:
                'src/contract imports only zod (and canonicalize), so every layer can use it.',
            },
            {
              group: ['**/client/**', '**/server/**', '**/hooks/**', '**/components/**'],
              message: 'src/contract is the bottom layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: reactPackages, message: 'src/client is framework-free.' },
            { group: ['node:*'], message: 'src/client must run in browsers.' },
            {
              group: ['**/hooks/**', '**/components/**', '**/server/**'],
              message: 'src/client sits just above src/contract.',
            },
          ],
        },
      ],
    },
  },
  // The reference API's browser-safe part is shipped to browsers and Storybook too.
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'better-sqlite3', '@hono/node-server'],
              message: 'src/server is browser-safe; Node parts live in demo/server.',
            },
            { group: reactPackages, message: 'The reference API has no UI.' },
            {
              group: ['**/client/**', '**/hooks/**', '**/components/**'],
              message: 'The reference API depends on src/contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'node:*'],
              message: 'Components run in browsers and get data through hooks or props.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/components/**'], message: 'Hooks never import components.' },
            { group: ['**/server/**'], message: 'Hooks reach the API through the client.' },
          ],
        },
      ],
    },
  },
);

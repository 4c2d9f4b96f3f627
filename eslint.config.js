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
  // The layers of DESIGN.md: the client runs anywhere, so no React and no Node built-ins.
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
              message: 'src/client is the bottom layer.',
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
              group: ['**/hooks/**', '**/components/**'],
              message: 'The reference API depends on the client only.',
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
        { patterns: [{ group: ['**/components/**'], message: 'Hooks never import components.' }] },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // React's rules apply where React lives: the app shell, shared UI and the examples' views.
    files: [
      'src/app/**/*.{ts,tsx}',
      'src/ui/**/*.{ts,tsx}',
      'src/state/**/*.ts',
      'src/examples/*/view/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Layer rules from docs/ARCHITECTURE.md: the IL engine and the examples' non-view code never touch React.
    files: ['src/il/**/*.ts', 'src/worker/**/*.ts', 'src/cli/**/*.ts', 'src/examples/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '**/view/*', '**/app/*', '**/ui/*'],
              message: 'Engine code stays free of React and the UI.',
            },
          ],
        },
      ],
    },
  },
);

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
  // Layer rules from docs/ARCHITECTURE.md (data flows app → worker → IL engine ← examples): each block lists what
  // its files may never import. Tests may cross layers.
  ...layerRules(),
);

function layerRules() {
  const react = {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'Only views and the app use React.',
  };
  const upward = (what) => ({
    regex: '^(\\.\\./)+(app|cli|worker|state)(/|$)',
    message: `${what} never imports app/, cli/, worker/ or state/.`,
  });
  const ui = { regex: '^(\\.\\./)+ui(/|$)', message: 'Only views and the app import ui/.' };
  const exampleInternals = (what) => ({
    regex: '(^|/)examples/(?!registry$|index$)',
    message: `${what} reaches examples only through src/examples/registry.ts (or index.ts).`,
  });
  // From src/examples/<id>/<depth folders>/file.ts, a path that climbs to src/examples/ and down again names
  // another example (or the registry): never.
  const otherExample = (depth) => ({
    regex: `^(\\.\\./){${depth}}(?!\\.\\.)`,
    message: 'An example never imports another example (shared code moves into il/ or ui/).',
  });
  const block = (files, patterns) => ({
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  });
  const exampleFiles = (depth, extra) =>
    block(
      [`src/examples/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
      [upward('An example'), otherExample(depth), ...extra],
    );
  return [
    block(
      ['src/il/**/*.ts', 'src/kernels/**/*.ts'],
      [
        react,
        upward('The IL engine'),
        ui,
        { regex: '(^|/)examples(/|$)', message: 'The IL engine never imports an example.' },
      ],
    ),
    block(
      ['src/worker/**/*.ts', 'src/cli/**/*.ts'],
      [react, ui, upward('The worker and the CLI'), exampleInternals('The worker and the CLI')],
    ),
    block(
      ['src/ui/**/*.{ts,tsx}'],
      [{ regex: '(^|/)examples(/|$)', message: 'ui/ knows no example.' }, upward('ui/')],
    ),
    block(['src/state/**/*.ts'], [react, exampleInternals('state/')]),
    block(['src/app/**/*.{ts,tsx}'], [exampleInternals('The app')]),
    // Non-view example code: no React, no ui/. Views (src/examples/<id>/view/) may import ui/ and React.
    exampleFiles(1, [react, ui]),
    block(['src/examples/*/!(view)/**/*.{ts,tsx}'], [react, ui, upward('An example')]),
    exampleFiles(2, []),
    exampleFiles(3, []),
  ];
}

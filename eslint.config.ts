import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import layerImports from './scripts/eslint/layer-imports';
import { LAYERS } from './scripts/eslint/layers';

export default tseslint.config({ ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.tmp/', 'resources/'] }, ...tseslint.configs.recommended, {
  files: ['**/*.{ts,tsx,js}'],
  plugins: { 'import-x': importX, local: { rules: { 'layer-imports': layerImports } } },
  settings: {
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import-x/extensions': ['.ts', '.tsx', '.js'],
  },
  rules: {
    'local/layer-imports': ['error', LAYERS],
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
  },
});

import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import type { Rule } from 'eslint';
import type { Layer } from './layers';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILTINS = new Set(builtinModules);

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * DESIGN.md §2's layers, failing closed: every source file belongs to a zone, and a zone lists
 * what it may import — the folders of this repository, and the packages. Anything else, including
 * a dynamic import of a computed name, is an error.
 */
/** An import's module specifier as the parser gives it: a string literal, or what a computed one is. */
interface Source {
  type: string;
  value?: unknown;
  expressions?: unknown[];
  quasis?: { value: { cooked?: string | null } }[];
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports allowed per layer (an allowlist)' },
    schema: [{ type: 'array' }],
    messages: {
      denied: '{{file}} (layer {{zone}}) may not import {{spec}}: {{why}}',
      noZone: '{{file}} belongs to no layer of scripts/eslint/layers.js',
      computed: '{{file}} (layer {{zone}}): a dynamic import must name its module literally',
    },
  },
  create(context) {
    const zones = (context.options[0] ?? []) as Layer[];
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const found = zones.filter((z) => file === z.from || file.startsWith(z.from)).sort((a, b) => b.from.length - a.from.length)[0];
    if (!found) return { Program: (node) => context.report({ node, messageId: 'noZone', data: { file } }) };
    const zone = found;
    const deny = (node: Rule.Node, spec: string, why: string) => context.report({ node, messageId: 'denied', data: { file, zone: zone.from, spec, why } });

    function check(node: Rule.Node, spec: string): void {
      if (spec.startsWith('.')) {
        const target = relative(ROOT, resolve(dirname(context.filename), spec))
          .split('\\')
          .join('/');
        if (!zone.internal.some((prefix) => target === prefix.replace(/\/$/, '') || target.startsWith(prefix))) deny(node, spec, `only ${zone.internal.join(', ')}`);
        return;
      }
      const name = spec.startsWith('node:') ? spec : packageName(spec);
      const builtin = spec.startsWith('node:') || BUILTINS.has(name);
      if (builtin) {
        if (!zone.builtins) deny(node, spec, 'no Node built-ins here');
        return;
      }
      if ((zone.deniedPackages ?? []).includes(name)) return deny(node, spec, `${name} is not allowed in this layer`);
      if (zone.packages !== '*' && !zone.packages.includes(name)) deny(node, spec, `packages allowed: ${zone.packages.join(', ') || 'none'}`);
    }

    const source = (node: Rule.Node, s: Source | null | undefined) => {
      if (s?.type === 'Literal' && typeof s.value === 'string') check(node, s.value);
      else if (s?.type === 'TemplateLiteral' && s.expressions?.length === 0 && typeof s.quasis?.[0]?.value.cooked === 'string') check(node, s.quasis[0].value.cooked);
      else if (!zone.computedImports) context.report({ node, messageId: 'computed', data: { file, zone: zone.from } });
    };
    return {
      ImportDeclaration: (node) => source(node, node.source),
      ExportNamedDeclaration: (node) => node.source && source(node, node.source),
      ExportAllDeclaration: (node) => source(node, node.source),
      ImportExpression: (node) => source(node, node.source),
    };
  },
};

export default rule;

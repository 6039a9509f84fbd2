import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import rule from '../../scripts/eslint/layer-imports';
import { LAYERS } from '../../scripts/eslint/layers';

// RuleTester runs its cases through the test framework's own describe/it.
Object.assign(RuleTester, { afterAll, describe, it });

const ROOT = join(import.meta.dirname, '../..');
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file: string, code: string) => ({ filename: join(ROOT, file), code, options: [LAYERS] });

/** The layer rule is what keeps DESIGN.md §2's boundaries: it must refuse what no zone allows. */
tester.run('layer-imports', rule, {
  valid: [
    at('src-shared/domain/x.ts', "import { z } from 'zod'; import { op } from '../api/contract';"),
    at('src-renderer/ui/x.tsx', "import { Button } from 'antd'; import type { Contract } from '../../src-shared/api'; const P = import('./Page');"),
    at('src-main/jobs/x.ts', "import { Worker } from 'node:worker_threads'; import { Store } from '../store/store';"),
    at('src-main/transport/ipc/x.ts', "import { ipcMain } from 'electron';"),
    at('src-main/cli/x.ts', "import { platform } from '../../test/tools/platform/platform';"),
  ],
  invalid: [
    { ...at('src-shared/domain/x.ts', "import { readFileSync } from 'node:fs';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-shared/domain/x.ts', "import sharp from 'sharp';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-shared/domain/x.ts', "import { Store } from '../../src-main/store/store';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-renderer/ui/x.tsx', "import { dispatch } from '../../src-main/core/dispatch';"), errors: [{ messageId: 'denied' }] },
    // Fail closed: a package nobody listed for the window is refused, not allowed by default.
    { ...at('src-renderer/ui/x.tsx', "import left from 'left-pad';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-renderer/ui/x.tsx', 'const m = await import(name);'), errors: [{ messageId: 'computed' }] },
    { ...at('src-main/jobs/x.ts', "import { handlers } from '../core/registry/handlers';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-main/core/x.ts', "import { app } from 'electron';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-main/core/x.ts', "import { serve } from '../transport/http/bridge';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-main/core/x.ts', "import { platform } from '../../test/tools/platform/platform';"), errors: [{ messageId: 'denied' }] },
    { ...at('src-main/transport/http/x.ts', "import { app } from 'electron';"), errors: [{ messageId: 'denied' }] },
    { ...at('somewhere/else.ts', "import x from './y';"), errors: [{ messageId: 'noZone' }] },
  ],
});

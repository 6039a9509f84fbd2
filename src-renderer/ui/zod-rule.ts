import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/** The contract's own schema as a form rule: the form and main check the same thing. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_, value) => {
      const r = schema.safeParse(value ?? '');
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

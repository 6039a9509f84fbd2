import { z } from 'zod';

/** Zod's built-in messages in Chinese, for the few checks that carry no message of their own. */
z.config(z.locales.zhCN());

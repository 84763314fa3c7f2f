import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

export default defineConfig(
  orbitalTsup({ index: 'src/index.ts', node: 'src/node.ts', cli: 'src/cli.ts', redis: 'src/redis.ts' }),
);

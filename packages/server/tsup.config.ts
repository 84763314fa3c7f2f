import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

export default defineConfig(
  orbitalTsup({
    index: 'src/index.ts',
    node: 'src/runtime/node.ts',
    cli: 'src/runtime/cli.ts',
    redis: 'src/store/redis.ts',
  }),
);

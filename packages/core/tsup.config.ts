import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

export default defineConfig(orbitalTsup({ index: 'src/index.ts', server: 'src/server.ts' }));

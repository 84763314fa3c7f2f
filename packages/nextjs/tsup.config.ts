import { defineConfig } from 'tsup';
import { orbitalTsup } from '../../tsup.shared';

export default defineConfig(orbitalTsup({ index: 'src/index.ts', 'index.react-server': 'src/index.react-server.ts', server: 'src/server.ts' }));
